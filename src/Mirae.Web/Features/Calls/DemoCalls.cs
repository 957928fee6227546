using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>
/// The demo programs and calls, modelled on Incheon's yearly support programs; windows are set around the day of
/// seeding (KST), so the demo always has open, closing-soon, upcoming and ended calls. Added once.
/// </summary>
public static class DemoCalls
{
    /// <summary>The application form of the demo calls, in the text staff write (see <see cref="ApplicationForm"/>).</summary>
    public const string DemoForm = """
        # overview | 과제 개요 | Project
        title | text | 과제명 | Project title | required | 100
        summary | longtext | 과제 요약 | Summary | required | 2000
        amount | money | 신청 금액 | Requested amount | required | 1000000-150000000
        kind | choice | 과제 유형 | Project type | required | new=신규/New; continuing=계속/Continuing
        category | choice | 지원 분야 | Field | required | bio=바이오 소재/Bio materials; device=장비·부품/Equipment and parts; digital=디지털 헬스/Digital health
        items | multichoice | 대상 품목 | Target items | optional | media=세포배양 배지/Culture media; filter=바이러스 제거 필터/Virus filters; bag=일회용 백/Single-use bags; stopper=고무 마개/Rubber stoppers
        start | date | 착수 예정일 | Planned start | optional
        brochure | file | 제품 소개서·카탈로그 | Product brochure or catalogue | optional | 3
        # previous | 이전 과제 정보 | Earlier project | when kind=continuing
        previousTask | text | 이전 과제 번호 | Earlier task number | required | 50
        previousResult | longtext | 이전 과제 성과 | Results of the earlier project | required | 2000
        """;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        if (await db.Programs.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = now.ToKst().Date;
        DateTimeOffset At(int days, int hour) => new DateTimeOffset(today.AddDays(days).AddHours(hour), Kst.Offset).ToUniversalTime();

        var localization = SupportProgram.Create(ProgramKind.Localization, "바이오 원부자재 국산화 지원사업", "Bio materials localization program",
            "세포배양 배지, 바이러스 제거 필터, 일회용 백 등 30개 대상 품목의 지역 공급기업을 발굴하고, 수요기업 협의·성능 시험·인증을 지원합니다.",
            "Finds local suppliers of 30 target items such as culture media, virus filters and single-use bags, and supports buyer consultations, testing and qualification.",
            now);
        var planning = SupportProgram.Create(ProgramKind.PlanningConsulting, "R&D 기획 컨설팅 지원사업", "R&D planning consulting",
            "국가 R&D 공모 대응을 위한 과제 기획을 전문가가 컨설팅합니다.", "Experts help companies plan projects for national R&D calls.", now);
        var newGrowth = SupportProgram.Create(ProgramKind.NewGrowthRnd, "신성장 R&D 지원사업", "New-growth R&D program",
            "바이오·미래산업 분야 지역 기업의 기술개발 과제를 지원합니다.", "Funds technology development by local bio and future-industry companies.", now);
        var commercialization = SupportProgram.Create(ProgramKind.Commercialization, "사업화 지원사업", "Commercialization support",
            "개발 완료 제품의 시제품 제작, 인증, 판로 개척을 지원합니다.", "Supports prototypes, certification and market entry of finished products.", now);
        var matching = SupportProgram.Create(ProgramKind.NationalMatching, "국가공모사업 매칭 지원", "National-call matching funds",
            "국가 공모사업에 선정된 지역 기업에 시비 매칭 자금을 지원합니다.", "Matching city funds for local companies selected in national calls.", now);
        db.Programs.AddRange(localization, planning, newGrowth, commercialization, matching);

        Criterion[] rubric =
        [
            new("기술성", "Technology", 40, 40),
            new("사업성", "Business case", 30, 30),
            new("수요 연계성", "Link to buyers", 20, 20),
            new("지역 파급효과", "Regional impact", 10, 10),
        ];
        RequiredDocument[] documents =
        [
            new("사업계획서", "Business plan"),
            new("최근 2년 재무제표", "Financial statements (last 2 years)"),
            new("중소기업 확인서", "SME certificate"),
        ];
        var form = ApplicationForm.Parse(DemoForm).Sections!;
        var supplierInIncheon = new Eligibility([OrganizationKind.Supplier], [], null, null, 300, true);
        var calls = new[]
        {
            Open(localization, new Call.Terms(today.Year, $"{today.Year}년 바이오 원부자재 국산화 참여기업 모집", $"{today.Year} call: bio materials localization",
                "30개 대상 품목(세포배양 배지, 바이러스 제거 필터, 일회용 백, 고무 마개 등)의 공급기업을 모집합니다. 선정 기업에는 수요기업 사전 협의, 성능 시험, 전문 컨설팅을 지원합니다.",
                "Suppliers of the 30 target items (culture media, virus filters, single-use bags, rubber stoppers …) are invited. Selected companies receive buyer pre-consultations, testing and consulting.",
                At(-10, 9), At(12, 18), 1_500_000_000m, 150_000_000m, 10, supplierInIncheon, documents, rubric, form)),
            Open(planning, new Call.Terms(today.Year, $"{today.Year}년 하반기 R&D 기획 컨설팅 지원", $"{today.Year} H2: R&D planning consulting",
                "국가 R&D 공모를 준비하는 지역 중소기업에 과제 기획 컨설팅을 지원합니다.", "Planning consulting for local SMEs preparing national R&D proposals.",
                At(-20, 9), At(2, 18), 300_000_000m, 20_000_000m, 15, new Eligibility([], [], 7, null, null, false), documents[..1], rubric, form)),
            Open(matching, new Call.Terms(today.Year, $"{today.Year}년 국가공모사업 매칭 지원 (상시)", $"{today.Year} national-call matching (rolling)",
                "국가 공모사업에 선정된 지역 기업에 사업비의 최대 30%를 시비로 매칭합니다.", "Up to 30 % of the project cost matched from city funds for companies selected in national calls.",
                At(-40, 9), At(25, 18), 2_000_000_000m, 300_000_000m, 8, Eligibility.Anyone, documents, [], form)),
            Open(newGrowth, new Call.Terms(today.Year + 1, $"{today.Year + 1}년 신성장 R&D 과제 공모", $"{today.Year + 1} new-growth R&D call",
                "바이오 소재·부품 분야의 기술개발 과제를 공모합니다. 공고 설명회 후 접수가 시작됩니다.",
                "Technology development projects in bio materials and parts. Applications open after the information session.",
                At(20, 9), At(50, 18), 3_000_000_000m, 500_000_000m, 6, supplierInIncheon, documents, rubric, form)),
        };
        db.Calls.AddRange(calls);
        var ended = Call.Draft(commercialization, new Call.Terms(today.Year, $"{today.Year}년 상반기 사업화 지원", $"{today.Year} H1: commercialization support",
            "시제품 제작과 인증 비용을 지원했습니다.", "Prototype and certification costs were supported.",
            At(-90, 9), At(-60, 18), 800_000_000m, 80_000_000m, 10, Eligibility.Anyone, documents, rubric, form), At(-95, 9));
        ended.Publish(At(-95, 10)); // past its deadline, so ended; the demo evaluation applies to it, evaluates and closes it
        db.Calls.Add(ended);
        await db.SaveChangesAsync();

        Call Open(SupportProgram program, Call.Terms terms)
        {
            var call = Call.Draft(program, terms, now);
            call.Publish(now);
            return call;
        }
    }
}
