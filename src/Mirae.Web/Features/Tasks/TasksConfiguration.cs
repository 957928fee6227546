using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Features.Tasks;

public sealed class FundedTaskConfiguration : IEntityTypeConfiguration<FundedTask>
{
    public void Configure(EntityTypeBuilder<FundedTask> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(20);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => t.ApplicationId).IsUnique(); // one task per selected application, in parallel too
        builder.HasIndex(t => t.OrganizationId);
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.TitleKo).HasMaxLength(200);
        builder.Property(t => t.Goal).HasMaxLength(FundedTask.MaxGoal);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Rules).HasJsonConversion(500);
        builder.Property(t => t.Budget).HasJsonConversion(4000);
        builder.Property(t => t.Obligations).HasMaxLength(FundedTask.MaxObligations);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Objection).HasMaxLength(2000);
        builder.HasMany(t => t.Installments).WithOne().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Agreements).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Installments).HasField("_installments");
        builder.Navigation(t => t.Agreements).HasField("_agreements");
    }
}

public sealed class InstallmentConfiguration : IEntityTypeConfiguration<Installment>
{
    public void Configure(EntityTypeBuilder<Installment> builder)
    {
        builder.Property(i => i.Condition).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(i => new { i.TaskId, i.Sequence }).IsUnique();
    }
}

public sealed class TaskAgreementConfiguration : IEntityTypeConfiguration<TaskAgreement>
{
    public void Configure(EntityTypeBuilder<TaskAgreement> builder)
    {
        builder.Property(a => a.Terms).HasJsonConversion(null);
        builder.HasIndex(a => new { a.TaskId, a.Number }).IsUnique();
    }
}

public sealed class TaskResearcherConfiguration : IEntityTypeConfiguration<TaskResearcher>
{
    public void Configure(EntityTypeBuilder<TaskResearcher> builder)
    {
        builder.Property(r => r.ResearcherNumber).HasMaxLength(8);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.AffiliationNumber).HasMaxLength(10);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<FundedTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TaskId, r.ResearcherNumber }).IsUnique();
        builder.HasIndex(r => r.ResearcherNumber);
    }
}

public sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.HasOne<FundedTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.TaskId);
        builder.Property(r => r.Before).HasJsonConversion(null);
        builder.Property(r => r.After).HasJsonConversion(null);
        builder.Property(r => r.Researcher!).HasJsonConversion(1000); // null when the change is not about a researcher
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DecisionReason).HasMaxLength(2000);
    }
}

public sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.HasOne<FundedTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TaskId, e.SpentOn });
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.VendorNumber).HasMaxLength(10);
        builder.Property(e => e.VendorName).HasMaxLength(200);
        builder.Property(e => e.Purpose).HasMaxLength(Expense.MaxPurpose);
        builder.Property(e => e.DisallowReason).HasMaxLength(500);
        builder.HasOne(e => e.Evidence).WithMany().HasForeignKey(e => e.EvidenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.EvidenceId).IsUnique();
    }
}
