using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Data;

/// <summary>The tables of the accounts feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
}
