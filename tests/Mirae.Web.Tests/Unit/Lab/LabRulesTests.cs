using ImageMagick;
using Mirae.Web.Features.Lab;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Tests.Unit.Lab;

/// <summary>The SOS Lab's rules that need no database: the personal-data check, phases, moderation steps, children's age, photo cleaning.</summary>
public sealed class LabRulesTests
{
    public static TheoryData<string, PersonalDataKind> Positives => new()
    {
        { "제 번호는 010-1234-5678 입니다", PersonalDataKind.Phone },
        { "01012345678로 연락 주세요", PersonalDataKind.Phone },
        { "연락처 010 1234 5678", PersonalDataKind.Phone },
        { "010.1234.5678", PersonalDataKind.Phone },
        { "011-123-4567", PersonalDataKind.Phone },
        { "+82 10-1234-5678", PersonalDataKind.Phone },
        { "+821012345678", PersonalDataKind.Phone },
        { "+82-10-1234-5678", PersonalDataKind.Phone },
        { "집 전화 032-123-4567", PersonalDataKind.Phone },
        { "02-1234-5678로 걸어 주세요", PersonalDataKind.Phone },
        { "０１０－１２３４－５６７８", PersonalDataKind.Phone }, // full-width digits
        { "주민번호 900101-1234567", PersonalDataKind.ResidentNumber },
        { "9001011234567", PersonalDataKind.ResidentNumber },
        { "150315-3123456 아이 번호", PersonalDataKind.ResidentNumber },
        { "900101 - 2234567", PersonalDataKind.ResidentNumber },
        { "메일은 hong.gildong@example.com", PersonalDataKind.Email },
        { "kim_01@naver.co.kr 로 보내요", PersonalDataKind.Email },
        { "abc＠gmail.com", PersonalDataKind.Email },
        { "차량번호 12가3456 가 매일 서 있어요", PersonalDataKind.CarPlate },
        { "123나 4567 차량", PersonalDataKind.CarPlate },
        { "서울12가3456", PersonalDataKind.CarPlate },
        { "인천 34 허 5678", PersonalDataKind.CarPlate },
    };

    public static TheoryData<string> Negatives =>
    [
        "2027년 통학로 교통안전",
        "초등학교 3학년 2반 아이들이 위험해요",
        "112에 신고했지만 소용없었어요",
        "오전 8시 30분부터 9시 10분까지",
        "우편번호 22311 근처",
        "사업자 124-81-00998 업체",
        "2026-12-04에 사고가 났어요",
        "1577-1234 고객센터",
        "차가 20대 넘게 지나갑니다",
        "횡단보도 길이 12m, 신호 15초",
        "학생 1,234명이 다니는 학교",
        "주민등록번호처럼 보이지만 991332-1234567은 날짜가 아닙니다",
        "010이라는 숫자",
        "골목 3곳, 가로등 4개",
        "https://www.incheon.go.kr 참고",
        "2024년 5월 12일 3시",
    ];

    [Theory, MemberData(nameof(Positives))]
    public void PersonalData_IsFound(string text, PersonalDataKind kind)
    {
        var found = PersonalDataCheck.Find(text);

        Assert.Contains(found, f => f.Kind == kind);
        var refused = Assert.Throws<DomainException>(() => PersonalDataCheck.Refuse(text, "Post.Description"));
        Assert.Equal("lab.personal-data", refused.Code);
        Assert.Equal("Post.Description", refused.Field);
        Assert.Contains('*', (string)refused.Arguments[0]); // the message shows it masked, never in full
    }

    [Theory, MemberData(nameof(Negatives))]
    public void OrdinaryText_IsNotPersonalData(string text) => Assert.Empty(PersonalDataCheck.Find(text));

    [Fact]
    public void APhase_SwitchesActionsOnAndOff()
    {
        var now = DateTimeOffset.UtcNow;
        var challenge = Challenge.Open(new Challenge.Settings("뮤뮤", null, "설명", [.. Enumerable.Range(0, 7).Select(i => now.AddDays(i * 10 - 15))], 3, 5,
            LabParticipation.AllMembers, true), now);

        Assert.Equal(LabPhase.Supporting, challenge.PhaseAt(now));
        Assert.False(challenge.Allows(LabAction.Post, now));
        Assert.True(challenge.Allows(LabAction.Support, now));
        Assert.True(challenge.Allows(LabAction.Idea, now));
        Assert.False(challenge.Allows(LabAction.SignUp, now));
        Assert.True(challenge.Allows(LabAction.Post, now.AddDays(-10)));
        Assert.Null(challenge.PhaseAt(now.AddDays(-20)));
        Assert.False(challenge.Allows(LabAction.Post, now.AddDays(-20)));
        Assert.True(challenge.Allows(LabAction.SignUp, now.AddDays(30)));

        challenge.AdvanceTo(LabPhase.Review, now);
        Assert.Equal(LabPhase.Review, challenge.PhaseAt(now));
        Assert.Equal(now, challenge.StartOf(LabPhase.Review));
        Assert.True(challenge.StartOf(LabPhase.SolutionCall) > now);
    }

    [Fact]
    public void PhasesOutOfOrder_AreRefused_OnTheirField()
    {
        var now = DateTimeOffset.UtcNow;
        var starts = Enumerable.Range(0, 7).Select(i => now.AddDays(i)).ToList();
        starts[3] = now.AddDays(-5);

        var refused = Assert.Throws<DomainException>(() => Challenge.Open(new Challenge.Settings("뮤뮤", null, "설명", starts, 3, 5, LabParticipation.AllMembers, true), now));

        Assert.Equal("Form.Starts[3]", refused.Field);
    }

    [Fact]
    public void Moderation_HidesWithAReason_TakesOneAppeal_AndDecidesIt()
    {
        var now = DateTimeOffset.UtcNow;
        var hidden = new Moderation().Hide("욕설이 있어 숨깁니다", Guid.NewGuid(), now);
        var appealed = hidden.AppealWith("욕설이 아니라 지명입니다", now);

        Assert.True(hidden.Hidden);
        Assert.Equal("lab.appeal-once", Assert.Throws<DomainException>(() => appealed.AppealWith("다시", now)).Code);
        Assert.False(appealed.Decide(upheld: true, now).Hidden);
        Assert.True(appealed.Decide(upheld: false, now).Hidden);
        Assert.Equal("lab.no-open-appeal", Assert.Throws<DomainException>(() => appealed.Decide(true, now).Decide(true, now)).Code);
        Assert.Equal("lab.reason-required", Assert.Throws<DomainException>(() => new Moderation().Hide(" ", Guid.NewGuid(), now)).Code);
        Assert.Equal("lab.not-hidden", Assert.Throws<DomainException>(() => new Moderation().AppealWith("왜요", now)).Code);
    }

    [Theory]
    [InlineData("2012-12-05", "2026-12-04", true)] // 13, turning 14 tomorrow
    [InlineData("2012-12-04", "2026-12-04", false)] // 14 today
    [InlineData("2020-01-01", "2026-12-04", true)]
    public void UnderFourteen_CountsFullYears(string birth, string today, bool child) =>
        Assert.Equal(child, LabMember.IsUnder14(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void APhoto_IsReencoded_WithoutItsLocationOrCamera()
    {
        using var original = new MagickImage(MagickColors.SkyBlue, 64, 48);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(37, 1), new Rational(27, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(126, 1), new Rational(42, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Model, "MuMuCam-9000");
        original.SetProfile(exif);
        original.Format = MagickFormat.Jpeg;
        var withGps = original.ToByteArray();
        using (var check = new MagickImage(withGps))
        {
            Assert.NotNull(check.GetExifProfile()?.GetValue(ExifTag.GPSLatitude)); // the test photo really carries a position
        }

        var cleaned = LabPhotos.Reencode(new FileTypes.Accepted(FileType.Jpeg, withGps));

        using var stored = new MagickImage(cleaned);
        Assert.Null(stored.GetExifProfile());
        Assert.Equal(64u, stored.Width);
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("MuMuCam"u8));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("Exif"u8));
    }

    [Fact]
    public void SomethingThatIsNotAnImage_IsRefused()
    {
        var fake = new byte[512];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(fake, 0);

        Assert.Throws<MagickCorruptImageErrorException>(() => LabPhotos.Reencode(new FileTypes.Accepted(FileType.Jpeg, fake)));
    }
}
