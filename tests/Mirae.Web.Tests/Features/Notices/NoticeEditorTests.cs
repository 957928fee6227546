using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Notices;

/// <summary>Staff write notices (issue 17, promised but missing): categories, both languages, pinning, scheduled publication, attachments.</summary>
[Collection("web")]
public sealed class NoticeEditorTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Form(string title, bool pinned = false, string publishAt = "") => new()
    {
        ["Input.Category"] = "Call", ["Input.TitleKo"] = title, ["Input.TitleEn"] = "", ["Input.BodyKo"] = "모집 안내입니다.\n붙임 파일을 확인해 주세요.",
        ["Input.BodyEn"] = "", ["Input.PublishAt"] = publishAt, ["Input.Pinned"] = pinned ? "true" : "false",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_WriteScheduleAndPinNotices_AttachFiles_AndThePublicSeesOnlyWhatIsPublished(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var visitor = factory.CreatePageClient();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var later = DateTime.UtcNow.AddHours(9).AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        using var pinned = await staff.SubmitAsync("/admin/notices/new", Form($"뮤뮤 고정 공지 {tag}", pinned: true), "/admin/notices/new");
        using var scheduled = await staff.SubmitAsync("/admin/notices/new", Form($"뮤뮤 예약 공지 {tag}", publishAt: later), "/admin/notices/new");
        using var missingTitle = await staff.SubmitAsync("/admin/notices/new", Form(""), "/admin/notices/new");
        var pinnedUrl = PageClient.RedirectPath(pinned)!;
        var scheduledUrl = PageClient.RedirectPath(scheduled)!;
        using var uploaded = await staff.SubmitFilesAsync(pinnedUrl, new Dictionary<string, (string, byte[])> { ["file"] = ("신청서 양식.pdf", Files.Pdf()) },
            [], pinnedUrl + "?handler=Upload");
        using var disguised = await staff.SubmitFilesAsync(pinnedUrl, new Dictionary<string, (string, byte[])> { ["file"] = ("양식.pdf", "not a pdf"u8.ToArray()) },
            [], pinnedUrl + "?handler=Upload");
        var pinnedId = pinnedUrl.Split('/')[^1];
        var scheduledId = scheduledUrl.Split('/')[^1];

        var (_, list) = await visitor.GetPageAsync("/notices");
        var (_, publicPinned) = await visitor.GetPageAsync($"/notices/{pinnedId}");
        var fileId = System.Text.RegularExpressions.Regex.Match(publicPinned, "handler=File&amp;attachmentId=(\\d+)").Groups[1].Value;
        using var download = await visitor.Http.GetAsync($"/notices/{pinnedId}?handler=File&attachmentId={fileId}");
        var (hiddenStatus, _) = await visitor.GetPageAsync($"/notices/{scheduledId}");
        var (_, preview) = await staff.GetPageAsync($"/notices/{scheduledId}");
        using var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        using var refused = await citizen.Http.GetAsync("/admin/notices");

        Assert.StartsWith("/admin/notices/", pinnedUrl);
        Assert.Contains("제목(국문)", await missingTitle.Content.ReadAsStringAsync());
        Assert.Equal(pinnedUrl, PageClient.RedirectPath(uploaded));
        Assert.Contains("형식", await disguised.Content.ReadAsStringAsync());
        var firstRow = list.IndexOf("<tbody>", StringComparison.Ordinal);
        Assert.True(list.IndexOf($"뮤뮤 고정 공지 {tag}", firstRow, StringComparison.Ordinal) > 0);
        Assert.DoesNotContain($"뮤뮤 예약 공지 {tag}", list);
        Assert.Contains("모집 안내입니다.", publicPinned);
        Assert.Contains("신청서 양식.pdf", publicPinned);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, hiddenStatus);
        Assert.Contains("게시 예정 공지의 미리보기", preview);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(refused));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.CountAsync(e => e.Action == AuditActions.NoticeChanged && e.Subject == $"notice:{pinnedId}") >= 2);
    }

    [Fact]
    public async Task PinnedNoticesComeFirst_AndDeletingRemovesTheNoticeAndItsFiles()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var pinned = await staff.SubmitAsync("/admin/notices/new", Form($"뮤뮤 먼저 {tag}", pinned: true), "/admin/notices/new");
        using var newer = await staff.SubmitAsync("/admin/notices/new", Form($"뮤뮤 나중 {tag}"), "/admin/notices/new");
        var url = PageClient.RedirectPath(pinned)!;
        using var uploaded = await staff.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["file"] = ("붙임.pdf", Files.Pdf()) }, [], url + "?handler=Upload");

        var (_, list) = await staff.GetPageAsync("/notices");
        using var deleted = await staff.SubmitAsync(url, [], url + "?handler=Delete");
        var (goneStatus, _) = await staff.GetPageAsync("/notices/" + url.Split('/')[^1]);

        Assert.True(list.IndexOf($"뮤뮤 먼저 {tag}", StringComparison.Ordinal) < list.IndexOf($"뮤뮤 나중 {tag}", StringComparison.Ordinal));
        Assert.Equal("/admin/notices", PageClient.RedirectPath(deleted));
        Assert.Equal(HttpStatusCode.NotFound, goneStatus);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.StoredFiles.AnyAsync(f => f.FileName == "붙임.pdf"));
    }
}
