using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Evaluation;
using Mirae.Web.Features.Faq;
using Mirae.Web.Features.Health;
using Mirae.Web.Features.Home;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Sourcing;
using Mirae.Web.Features.Notices;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Features.Tasks;
using Mirae.Web.Features.Lab;
using Mirae.Web.Infrastructure;

var import = ImportCommand.Matches(args);
var builder = WebApplication.CreateBuilder(import ? ImportCommand.HostArguments(args) : args);
if (import)
{
    // The import command loads exactly the given files: no demo data, unless asked for explicitly.
    builder.Configuration.AddInMemoryCollection([new("Seed:Demo", "false")]);
    builder.Configuration.AddCommandLine(ImportCommand.HostArguments(args));
}
builder.AddData();
builder.Services.AddMiraeWeb(builder.Configuration);
builder.Services.AddHome();
builder.Services.AddAccounts();
builder.Services.AddAudit();
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAdministration(builder.Configuration);
builder.Services.AddNotices();
builder.Services.AddDirectory();
builder.Services.AddCalls();
builder.Services.AddApplications();
builder.Services.AddEvaluation();
builder.Services.AddTasks();
builder.Services.AddLab();
builder.Services.AddSourcing();
builder.Services.AddFaq();
builder.Services.AddLedger(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (import)
{
    return await ImportCommand.RunAsync(app.Services, args, Console.Out);
}
app.UseMiraeWeb();
app.MapHealth();
app.MapAccountsApi();
app.MapNoticesApi();
app.MapNotificationsApi();
app.MapDirectoryApi();
app.MapCallsApi();
app.MapApplicationsApi();
app.MapTasksApi();
app.MapLabApi();
app.MapSelectionApi();
app.MapNeedsApi();
app.MapLedgerApi();
app.Run();
return 0;

public partial class Program;
