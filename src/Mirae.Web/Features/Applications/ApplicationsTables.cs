using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Data;

/// <summary>The tables of the applications feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Application> Applications => Set<Application>();
}
