using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Faq;

/// <summary>The questions Incheon's future-industry office is asked most, added once.</summary>
public static class DemoFaq
{
    public static async Task SeedAsync(AppDbContext db)
    {
        if (await db.FaqEntries.AnyAsync())
        {
            return;
        }
        db.FaqEntries.AddRange(
            FaqEntry.Create(FaqCategory.Account, 1,
                "기업 회원으로 가입하면 바로 신청할 수 있나요?", "Can I apply as soon as I sign up as a company member?",
                "가입 후 '내 기업'에서 사업자등록번호로 소속 승인을 요청해 주세요. 담당자가 승인하면 그 기업을 대표해 신청하고 제품을 관리할 수 있습니다.",
                "After signing up, ask at 'My organization' to act for your company by its business registration number. Once staff approve, you can apply and manage products for it."),
            FaqEntry.Create(FaqCategory.Account, 2,
                "비밀번호를 여러 번 틀려 로그인이 되지 않습니다.", "I mistyped my password several times and cannot sign in.",
                "보안을 위해 5회 연속으로 틀리면 15분 동안 로그인이 제한됩니다. 잠시 후 다시 시도해 주세요.",
                "For your security, five wrong passwords in a row lock sign-in for 15 minutes. Please try again later."),
            FaqEntry.Create(FaqCategory.Directory, 1,
                "우리 회사 제품을 원부자재 디렉터리에 올리려면 어떻게 하나요?", "How do I list our products in the materials directory?",
                "소속 승인을 받은 뒤 '내 기업'에서 제품을 추가하고, 제품 관리 화면에서 사양·인증·성적서(CoA) 등 문서를 올리면 됩니다.",
                "Once your membership is approved, add products at 'My organization' and upload specifications, certificates and documents such as the CoA on each product's page."),
            FaqEntry.Create(FaqCategory.Directory, 2,
                "인증서 유효기간이 지나면 어떻게 되나요?", "What happens when a certificate expires?",
                "만료 30일 전에 소속 회원에게 알림을 보내고, 디렉터리에는 '만료' 표시가 나타납니다. 새 인증서를 등록하면 바로 반영됩니다.",
                "Members are notified 30 days before expiry and the directory shows the certificate as expired. A new certificate shows at once when you add it."),
            FaqEntry.Create(FaqCategory.Programs, 1,
                "신청서를 임시저장한 뒤 나중에 이어서 쓸 수 있나요?", "Can I save an application and finish it later?",
                "네. 입력하는 동안 자동으로 저장되며, '내 신청서'에서 언제든 이어서 작성할 수 있습니다. 마감 시각 전까지 제출해야 접수됩니다.",
                "Yes. Answers are saved as you type, and you can resume from 'My applications' at any time. Submit before the deadline for it to count."),
            FaqEntry.Create(FaqCategory.Programs, 2,
                "평가 결과와 선정 이유를 확인할 수 있나요?", "Can I see the evaluation result and why we were (not) selected?",
                "선정이 확정되면 공모 페이지의 '선정 결과'에서 신청 건별 총점과 선정·미선정 사유를 볼 수 있습니다. 평가위원 개인의 점수는 공개하지 않습니다.",
                "Once the selection is confirmed, the call's results page shows each application's total and the reason it was or was not selected. Individual evaluators' scores are never published."),
            FaqEntry.Create(FaqCategory.Sourcing, 1,
                "수요기업의 구매 수요에 관심을 표시하면 어떻게 되나요?", "What happens when we express interest in a buyer's need?",
                "수요기업 담당자에게 알림이 가고, 필요하면 품목별 사전 협의회 시간대를 예약해 직접 만날 수 있습니다.",
                "The buyer's members are notified, and you can book a slot in an item's pre-consultation session to meet them."),
            FaqEntry.Create(FaqCategory.Sourcing, 2,
                "공급 제품의 원료나 공정이 바뀌면 누구에게 알려야 하나요?", "Whom must we tell when a product's raw material or process changes?",
                "'변경 통보'를 등록하면 그 제품을 적격 승인한 모든 수요기업에 자동으로 전달되고, 각 기업의 확인 여부를 볼 수 있습니다.",
                "File a change notice: it reaches every buyer that qualified the product, and you can see which of them have acknowledged it."));
        await db.SaveChangesAsync();
    }
}
