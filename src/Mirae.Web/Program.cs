using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Health;
using Mirae.Web.Features.Notices;
using Mirae.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.Services.AddMiraeWeb(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddAudit();
builder.Services.AddAdministration(builder.Configuration);
builder.Services.AddNotices();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseMiraeWeb();
app.MapHealth();
app.MapAccountsApi();
app.MapNoticesApi();
app.Run();

public partial class Program;
