using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Evaluation;

public sealed class EvaluatorConfiguration : IEntityTypeConfiguration<Evaluator>
{
    public void Configure(EntityTypeBuilder<Evaluator> builder)
    {
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Affiliation).HasMaxLength(200);
        builder.Property(e => e.AffiliationBusinessNumber).HasMaxLength(10);
        builder.Property(e => e.Fields).HasJsonConversion(2000);
        builder.Property(e => e.History).HasJsonConversion(null);
        builder.Property(e => e.DeclaredRelations).HasJsonConversion(null);
        builder.Property(e => e.InvitationHash).HasMaxLength(64);
        builder.HasIndex(e => e.Email).IsUnique();
        builder.HasIndex(e => e.InvitationHash).IsUnique();
        builder.HasIndex(e => e.UserId).IsUnique();
    }
}

public sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> builder)
    {
        builder.Property(p => p.Aggregation).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.CallId).IsUnique();
        builder.HasOne<Calls.Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.ManualReason).HasMaxLength(500);
        builder.Property(a => a.ConflictNote).HasMaxLength(500);
        builder.Property(a => a.Points).HasJsonConversion(null);
        builder.Property(a => a.Opinion).HasMaxLength(Assignment.MaxComment);
        builder.HasIndex(a => new { a.PanelId, a.ApplicationId, a.EvaluatorId }).IsUnique();
        builder.HasIndex(a => a.EvaluatorId);
        builder.HasOne<Panel>().WithMany().HasForeignKey(a => a.PanelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Evaluator).WithMany().HasForeignKey(a => a.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Applications.Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SelectionDecisionConfiguration : IEntityTypeConfiguration<SelectionDecision>
{
    public void Configure(EntityTypeBuilder<SelectionDecision> builder)
    {
        builder.Property(d => d.Problem).HasJsonConversion(null);
        builder.Property(d => d.Selected).HasJsonConversion(null);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.HasIndex(d => d.CallId);
        builder.HasOne<Calls.Call>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}
