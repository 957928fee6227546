using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>
/// People read words, never keys (issue 17.9): the demo's pages, read in Korean by staff, show no specification key
/// (<c>pore_size_nm</c>), no enum member name (<c>CertificateOfAnalysis</c>, <c>Approved</c>) and no choice value (<c>bio</c>).
/// </summary>
[Collection("web")]
public sealed partial class WordsNotKeysTests(Hosts hosts)
{
    /// <summary>Every enum member name of the application: none of them is a word a Korean page should show.</summary>
    private static readonly HashSet<string> EnumNames = typeof(Program).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace?.StartsWith("Mirae.Web.Features", StringComparison.Ordinal) == true)
        .SelectMany(Enum.GetNames).Where(n => n.Length > 2).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task DemoPages_InKorean_ShowNoKeysEnumNamesOrChoiceValues()
    {
        var factory = await hosts.GetDemoAsync(DatabaseProvider.Sqlite);
        using var staff = await factory.AdminClientAsync();
        List<string> pages = ["/admin/evaluators", "/admin/localization"];
        await using (var db = factory.CreateDbContext())
        {
            pages.AddRange((await db.Needs.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync()).Select(id => $"/needs/{id}"));
            var decided = await db.SelectionDecisions.OrderBy(d => d.Id).Select(d => d.CallId).FirstAsync();
            pages.Add($"/admin/calls/{decided}/evaluation");
            // Products with the most varied specifications: one of each material.
            pages.AddRange((await db.Products.GroupBy(p => p.MaterialId).Select(g => g.Min(p => p.Id)).ToListAsync()).Select(id => $"/directory/products/{id}"));
            var material = await db.Materials.OrderBy(m => m.Id).Select(m => m.Code).FirstAsync();
            pages.Add($"/admin/localization?item={material}");
            // The SOS Lab: its home, the demo challenge, every demo problem (one at each stage), results, data and staff pages.
            pages.AddRange(["/lab", "/lab/results", "/lab/data", "/admin/lab", "/lab/moderation"]);
            pages.AddRange((await db.Challenges.Select(c => c.Id).ToListAsync()).Select(id => $"/lab/challenges/{id}"));
            pages.AddRange((await db.LabProblems.Select(p => p.Id).ToListAsync()).Select(id => $"/lab/problems/{id}"));
        }
        var problems = new List<string>();
        foreach (var page in pages)
        {
            var (status, html) = await staff.GetPageAsync(page);
            Assert.True(status == HttpStatusCode.OK, $"{page}: {status}");
            var text = Visible(html);
            problems.AddRange(SnakeKey().Matches(text).Select(m => $"{page}: {m.Value}"));
            problems.AddRange(LatinWord().Matches(text).Where(m => EnumNames.Contains(m.Value)).Select(m => $"{page}: {m.Value}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Answers_ReadAsTheirLabels_AmountsInWon()
    {
        var (sections, _) = ApplicationForm.Parse("""
            # overview | 개요 | Overview
            kind | choice | 과제 유형 | Project type | required | new=신규/New; continuing=계속/Continuing
            fields | multichoice | 분야 | Fields | optional | bio=바이오 소재/Bio materials; device=장비·부품/Equipment
            amount | money | 신청 금액 | Amount | required | 1-100000000
            """);
        var fields = sections!.SelectMany(s => s.Fields).ToDictionary(f => f.Key);

        Assert.Equal("신규", ApplicationForm.Display(fields["kind"], "new"));
        Assert.Equal("바이오 소재, 장비·부품", ApplicationForm.Display(fields["fields"], "bio,device"));
        Assert.Equal("50,000,000원", ApplicationForm.Display(fields["amount"], "50000000"));
    }

    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b[a-z]+(?:_[a-z0-9]+)+\b")]
    private static partial Regex SnakeKey();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex LatinWord();
}
