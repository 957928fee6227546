using Mirae.Web.Infrastructure;

namespace Mirae.Web.Tests.Unit.Foundation;

/// <summary>Korean particles follow the last sound of the noun before them (issue 17.10).</summary>
public sealed class ParticlesTests
{
    [Theory]
    [InlineData("제품 코드을(를) 입력해 주세요.", "제품 코드를 입력해 주세요.")]
    [InlineData("사업자등록번호을(를) 입력해 주세요.", "사업자등록번호를 입력해 주세요.")]
    [InlineData("과제명을(를) 입력해 주세요.", "과제명을 입력해 주세요.")]
    [InlineData("금액 단위 60,000,000원(으)로 계산", "금액 단위 60,000,000원으로 계산")]
    [InlineData("서울(으)로", "서울로")]
    [InlineData("부산(으)로", "부산으로")]
    [InlineData("바다(으)로", "바다로")]
    [InlineData("(주)송도필텍이(가) 신청했습니다", "(주)송도필텍이 신청했습니다")]
    [InlineData("인천바이오이(가)", "인천바이오가")]
    [InlineData("'개인정보 수집·이용 동의'은(는) 필수입니다", "'개인정보 수집·이용 동의'는 필수입니다")]
    [InlineData("'사업계획서'은(는)", "'사업계획서'는")]
    [InlineData("책과(와) 연필", "책과 연필")]
    [InlineData("나무과(와) 돌", "나무와 돌")]
    [InlineData("ISO9001을(를) 보유", "ISO9001을 보유")]
    [InlineData("USP을(를) 보유", "USP를 보유")]
    [InlineData("GMP을(를)", "GMP를")]
    [InlineData("URL을(를)", "URL을")]
    [InlineData("URL(으)로", "URL로")]
    [InlineData("filter을(를)", "filter를")]
    [InlineData("tool(으)로", "tool로")]
    [InlineData("Kim이(가)", "Kim이")]
    [InlineData("2(으)로", "2로")]
    [InlineData("10(으)로", "10으로")]
    [InlineData("1(으)로", "1로")]
    [InlineData("3과(와) 4", "3과 4")]
    [InlineData("5과(와) 6", "5와 6")]
    [InlineData("배지(이)라", "배지라")]
    [InlineData("필터(이)라", "필터라")]
    [InlineData("배양백(이)라", "배양백이라")]
    [InlineData("키 title이(가) 3행", "키 title이 3행")]
    [InlineData("없음 — 을(를)", "없음 — 을(를)")] // nothing to follow: both forms stay
    [InlineData("괄호 (참고) 없음", "괄호 (참고) 없음")]
    public void TheParticle_FollowsTheLastSound(string text, string expected) => Assert.Equal(expected, Particles.Fix(text));
}
