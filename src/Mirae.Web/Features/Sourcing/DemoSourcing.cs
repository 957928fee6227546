using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// The demo's localization project: import values of the targets, what the demo buyers ask of local suppliers (public,
/// and one for invited suppliers only), a coming consultation session, and qualifications at several stages. Added once.
/// </summary>
public static class DemoSourcing
{
    private static readonly string[] DemoMaterials = ["FIL-VIR", "SUB-2D", "PKG-STOP", "MED-CHO"];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        if (await db.Needs.AnyAsync())
        {
            return;
        }
        var buyers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Buyer).OrderBy(o => o.Id).ToListAsync();
        var materials = await db.Materials.ToDictionaryAsync(m => m.Code, m => m.Id);
        var supplier = await db.Organizations.Where(o => o.Kind == OrganizationKind.Supplier).OrderBy(o => o.Id).Select(o => o.BusinessNumber).FirstOrDefaultAsync();
        if (buyers.Count == 0 || supplier is null || !DemoMaterials.All(materials.ContainsKey))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Need Post(int buyer, string material, string title, string description, SpecRequirement[] requirements, string[] certificates, string volume, int months,
            NeedVisibility visibility = NeedVisibility.Public, string[]? invited = null) =>
            Need.Post(buyers[buyer % buyers.Count].Id, new Need.Terms(materials[material], title, description, requirements, certificates, volume, today.AddMonths(months),
                visibility, invited ?? []), Guid.Empty, now);
        db.Needs.AddRange(
            Post(0, "FIL-VIR", "바이러스 제거 필터 (20 nm 이하) 국산 공급처", "항체 의약품 정제 공정의 바이러스 제거 단계에 쓸 필터를 찾습니다. 공정 검증(LRV) 자료 공유가 가능한 곳을 우대합니다.",
                [new("pore_size_nm", null, null, 20, true), new("membrane", "PVDF", null, null, false)], ["ISO13485"], "연 2,000개", 9),
            Post(1, "SUB-2D", "2D 바이오프로세스 백 50–200 L", "배지·완충액 보관용 일회용 백. 감마 멸균, USP<665> 추출물 자료 필수.",
                [new("volume_l", null, 50, 200, true), new("sterilization", "gamma", null, null, false)], ["USP665"], "연 5,000개", 6),
            Post(2, "PKG-STOP", "동결건조 바이알용 고무 마개 (13 mm/20 mm)", "불소수지 코팅 마개. KGMP 또는 ISO 15378 인증 필요.",
                [new("coating", "fluoropolymer", null, null, false)], ["ISO15378"], "연 300만 개", 12),
            Post(3, "MED-CHO", "CHO 무동물성 배지 (분말)", "세포주 개발용 무동물성(animal origin free) 분말 배지. 시료 평가 후 연간 공급 계약 예정.",
                [new("format", "powder", null, null, true), new("animal_origin_free", "yes", null, null, false)], [], "연 2,000 L 분량", 8),
            Post(0, "MED-CHO", "CHO 피드 배지 공동 평가 (초청 기업)", "초청한 공급기업과만 공유하는 수요입니다.",
                [new("format", "liquid", null, null, false)], ["ISO13485"], "연 1,000 L", 10, NeedVisibility.Invited, [supplier]));

        // Yearly import values (won) of the targets, for the weighted rate: larger for media, resins and filters.
        foreach (var material in await db.Materials.Where(m => m.LocalizationTargetYear != null).ToListAsync())
        {
            var weight = material.Code[..3] switch { "MED" => 90, "RES" => 70, "FIL" => 60, "SUB" => 40, _ => 12 };
            material.SetAnnualImportValue((weight + material.Code.Length * 3L) * 1_000_000_000);
        }

        var session = ConsultationSession.Schedule(materials["FIL-VIR"], "바이러스 제거 필터 사전 상담회", "인천테크노파크 본관 3층 회의실", null,
            new DateTimeOffset(today.AddDays(14).ToDateTime(new TimeOnly(14, 0)), TimeSpan.FromHours(9)), 30, 6, now);
        db.ConsultationSessions.Add(session);
        var firstSlot = session.Slots[0];
        firstSlot.Book(buyers[0].Id, asBuyer: true, now);

        // One buyer qualified and is supplied with a 2D bag; another is testing stoppers.
        var bag = await db.Products.Where(p => p.MaterialId == materials["SUB-2D"]).OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync();
        var stopper = await db.Products.Where(p => p.MaterialId == materials["PKG-STOP"]).OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync();
        if (bag != 0 && stopper != 0)
        {
            var approved = Qualification.Start(buyers[1 % buyers.Count].Id, bag, Guid.Empty, now.AddDays(-60));
            approved.Record(QualificationDecision.Approved, today.AddYears(1), shared: true, "3개 로트 추출물·완전성 시험 적합, 공정 적용 승인",
                [new SampleTest(today.AddDays(-50), "L2609", "추출물(USP<665>)", "기준 이내", true), new SampleTest(today.AddDays(-45), "L2609", "완전성", "누설 없음", true)],
                Guid.Empty, now.AddDays(-40), supplyingSince: today.AddDays(-20));
            var testing = Qualification.Start(buyers[2 % buyers.Count].Id, stopper, Guid.Empty, now.AddDays(-10));
            testing.Record(QualificationDecision.Testing, null, shared: false, "", [new SampleTest(today.AddDays(-7), "S-01", "CCIT", "진행 중", true)], Guid.Empty, now.AddDays(-7));
            db.Qualifications.AddRange(approved, testing);
            // The shared approval is in the verifiable log like a real one (numbered and signed by the sequencer at start).
            var parties = await db.Products.Where(p => p.Id == bag).Select(p => new { p.Code, Supplier = p.Organization.BusinessNumber }).SingleAsync();
            var subject = $"product:{parties.Supplier}/{parties.Code}";
            var decidedAt = now.AddDays(-40);
            db.LedgerEntries.Add(LedgerEntry.Create(LedgerKinds.QualificationShared, subject, LedgerRecords.Envelope(LedgerKinds.QualificationShared, subject, decidedAt,
                new System.Text.Json.Nodes.JsonObject
                {
                    ["buyerBusinessNumber"] = buyers[1 % buyers.Count].BusinessNumber,
                    ["supplierBusinessNumber"] = parties.Supplier,
                    ["productCode"] = parties.Code,
                    ["decision"] = nameof(QualificationDecision.Approved),
                    ["decidedOn"] = Kst.Date(decidedAt),
                    ["nextReviewOn"] = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }), decidedAt));
        }
        await db.SaveChangesAsync();
    }
}
