using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Lab;

namespace Mirae.Web.Data;

/// <summary>The tables of the SOS Lab (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Challenge> Challenges => Set<Challenge>();
    public DbSet<LabProblem> LabProblems => Set<LabProblem>();
    public DbSet<ProblemPhoto> ProblemPhotos => Set<ProblemPhoto>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<ProblemSupport> ProblemSupports => Set<ProblemSupport>();
    public DbSet<ContentReport> ContentReports => Set<ContentReport>();
    public DbSet<LabMember> LabMembers => Set<LabMember>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMember> AgencyMembers => Set<AgencyMember>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetDownload> DatasetDownloads => Set<DatasetDownload>();
    public DbSet<DemoSession> DemoSessions => Set<DemoSession>();
    public DbSet<DemoSignup> DemoSignups => Set<DemoSignup>();
}
