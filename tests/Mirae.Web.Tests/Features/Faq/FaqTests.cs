using System.Net;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Faq;

[Collection("web")]
public sealed class FaqTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Faq_IsPublic_GroupedByCategory_AndInTheReadersLanguage(DatabaseProvider provider)
    {
        using var visitor = (await hosts.GetDemoAsync(provider)).CreatePageClient();

        var (status, korean) = await visitor.GetPageAsync("/faq");
        visitor.Http.DefaultRequestHeaders.Add("Cookie", ".Mirae.Culture=c%3Den-US%7Cuic%3Den-US");
        var (_, english) = await visitor.GetPageAsync("/faq");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2 id=\"faq-Account\">회원·로그인</h2>", korean);
        Assert.Contains("<summary>신청서를 임시저장한 뒤 나중에 이어서 쓸 수 있나요?</summary>", korean);
        Assert.Contains("href=\"/faq\"", korean); // the feature's own navigation entry
        Assert.Contains("<summary>Can I save an application and finish it later?</summary>", english);
    }

    [Fact]
    public async Task Search_KeepsOnlyQuestionsWithEveryWord_AndSaysSoWhenNoneMatch()
    {
        using var visitor = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        var (_, found) = await visitor.GetPageAsync("/faq?q=" + Uri.EscapeDataString("인증서 만료"));
        var (_, none) = await visitor.GetPageAsync("/faq?q=" + Uri.EscapeDataString("우주선"));

        Assert.Contains("인증서 유효기간이 지나면 어떻게 되나요?", found);
        Assert.DoesNotContain("data-testid=\"faq-Programs\"", found);
        Assert.Contains("data-testid=\"faq-none\"", none);
    }
}
