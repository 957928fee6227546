using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Tasks;

namespace Mirae.Web.Data;

public sealed partial class AppDbContext
{
    public DbSet<FundedTask> FundedTasks => Set<FundedTask>();
    public DbSet<TaskAgreement> TaskAgreements => Set<TaskAgreement>();
    public DbSet<Installment> Installments => Set<Installment>();
    public DbSet<TaskResearcher> TaskResearchers => Set<TaskResearcher>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();
    public DbSet<Expense> Expenses => Set<Expense>();
}
