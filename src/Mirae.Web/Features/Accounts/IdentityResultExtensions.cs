using Microsoft.AspNetCore.Identity;

namespace Mirae.Web.Features.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>For Identity calls that can fail only through a defect or a database fault, never through user input.</summary>
    public static void EnsureSucceeded(this IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity operation failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}
