using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Evaluation;

namespace Mirae.Web.Data;

/// <summary>The tables of the evaluation feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Evaluator> Evaluators => Set<Evaluator>();
    public DbSet<Panel> Panels => Set<Panel>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<SelectionDecision> SelectionDecisions => Set<SelectionDecision>();
}
