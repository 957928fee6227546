using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Evaluation;
using Mirae.Web.Features.Localization;
using Mirae.Web.Features.Notices;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Features.Programs;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<MaterialCategory> MaterialCategories => Set<MaterialCategory>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductCertificate> ProductCertificates => Set<ProductCertificate>();
    public DbSet<ProductDocument> ProductDocuments => Set<ProductDocument>();
    public DbSet<OrganizationMembership> Memberships => Set<OrganizationMembership>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ScheduledJobState> ScheduledJobs => Set<ScheduledJobState>();
    public DbSet<SupportProgram> Programs => Set<SupportProgram>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Evaluator> Evaluators => Set<Evaluator>();
    public DbSet<Panel> Panels => Set<Panel>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<SelectionDecision> SelectionDecisions => Set<SelectionDecision>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedInterest> NeedInterests => Set<NeedInterest>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<ChangeNotice> ChangeNotices => Set<ChangeNotice>();
    public DbSet<ConsultationSession> ConsultationSessions => Set<ConsultationSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new AppUserConfiguration());
        builder.ApplyConfiguration(new ConsentRecordConfiguration());
        builder.ApplyConfiguration(new AuditEventConfiguration());
        builder.ApplyConfiguration(new NoticeConfiguration());
        builder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        builder.ApplyConfiguration(new OrganizationConfiguration());
        builder.ApplyConfiguration(new MaterialCategoryConfiguration());
        builder.ApplyConfiguration(new MaterialConfiguration());
        builder.ApplyConfiguration(new ProductConfiguration());
        builder.ApplyConfiguration(new ProductSpecificationConfiguration());
        builder.ApplyConfiguration(new ProductCertificateConfiguration());
        builder.ApplyConfiguration(new ProductDocumentConfiguration());
        builder.ApplyConfiguration(new OrganizationMembershipConfiguration());
        builder.ApplyConfiguration(new StoredFileConfiguration());
        builder.ApplyConfiguration(new StoredFileContentConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration());
        builder.ApplyConfiguration(new ScheduledJobStateConfiguration());
        builder.ApplyConfiguration(new SupportProgramConfiguration());
        builder.ApplyConfiguration(new CallConfiguration());
        builder.ApplyConfiguration(new CallExtensionConfiguration());
        builder.ApplyConfiguration(new CallTemplateConfiguration());
        builder.ApplyConfiguration(new ApplicationConfiguration());
        builder.ApplyConfiguration(new ApplicationRevisionConfiguration());
        builder.ApplyConfiguration(new ApplicationAttachmentConfiguration());
        builder.ApplyConfiguration(new EvaluatorConfiguration());
        builder.ApplyConfiguration(new PanelConfiguration());
        builder.ApplyConfiguration(new AssignmentConfiguration());
        builder.ApplyConfiguration(new SelectionDecisionConfiguration());
        builder.ApplyConfiguration(new NeedConfiguration());
        builder.ApplyConfiguration(new NeedInvitationConfiguration());
        builder.ApplyConfiguration(new NeedInterestConfiguration());
        builder.ApplyConfiguration(new QualificationConfiguration());
        builder.ApplyConfiguration(new ChangeNoticeConfiguration());
        builder.ApplyConfiguration(new ChangeAcknowledgementConfiguration());
        builder.ApplyConfiguration(new ConsultationSessionConfiguration());
        builder.ApplyConfiguration(new ConsultationSlotConfiguration());
        if (Database.IsNpgsql())
        {
            ProductSearch.ConfigurePostgres(builder.Entity<Product>());
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; UTC ticks keep both exact.
        // PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            // Money is whole won: an integer on SQLite (which stores decimal as text it cannot sum or compare).
            configurationBuilder.Properties<decimal>().HaveConversion<long>();
        }
    }
}
