using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Data;

/// <summary>The tables of the calls feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<SupportProgram> Programs => Set<SupportProgram>();
    public DbSet<Call> Calls => Set<Call>();
}
