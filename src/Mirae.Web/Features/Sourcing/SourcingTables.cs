using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Sourcing;

namespace Mirae.Web.Data;

/// <summary>The tables of the sourcing feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedInterest> NeedInterests => Set<NeedInterest>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<ChangeNotice> ChangeNotices => Set<ChangeNotice>();
    public DbSet<ConsultationSession> ConsultationSessions => Set<ConsultationSession>();
}
