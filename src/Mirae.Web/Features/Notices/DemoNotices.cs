using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Notices;

/// <summary>Demo notices of the kind Incheon's future-industry office publishes; added once.</summary>
public static class DemoNotices
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        if (await db.Notices.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.Notices.AddRange(
            Notice.Publish(NoticeCategory.Call,
                "2026년 바이오 원부자재 국산화 지원사업 참여기업 모집 공고",
                "2026 call: Bio raw and subsidiary materials localization program",
                "인천광역시는 바이오 원부자재 국산화를 위해 세포배양 배지, 바이러스 제거 필터, 일회용 백 등 30개 대상 품목의 공급기업을 모집합니다. 선정 기업에는 수요기업 사전 협의, 성능 시험, 전문 컨설팅을 지원합니다. 신청 기간: 공고일로부터 30일, 문의: 미래산업과 바이오산업팀.",
                "Incheon invites suppliers of 30 target items, among them cell culture media, virus filters and single-use bags. Selected companies receive buyer pre-consultations, performance testing and specialist consulting. Applications are open for 30 days from this notice; contact the Bio Industry Team of the Future Industry Division.",
                now.AddDays(-2)),
            Notice.Publish(NoticeCategory.Event,
                "수요-공급기업 사전 협의회 개최 안내 (세포배양 배지·일회용 백)",
                "Buyer–supplier pre-consultation sessions (cell culture media, single-use bags)",
                "송도 바이오 클러스터 수요기업과 지역 공급기업 간 품목별 사전 협의회를 개최합니다. 장소: 인천테크노파크 회의실 및 화상회의. 참여 희망 기업은 플랫폼에서 시간대를 예약해 주십시오.",
                "Item-by-item pre-consultation sessions between Songdo biologics makers and local suppliers, at Incheon Technopark and by video. Participating companies book a slot on the platform.",
                now.AddDays(-6)),
            Notice.Publish(NoticeCategory.Result,
                "2026년 신성장 R&D 기획 컨설팅 지원 선정 결과 발표",
                "Results: 2026 new-growth R&D planning consulting",
                "신성장 R&D 기획 컨설팅 지원사업 선정 결과를 알려드립니다. 선정 결과와 평가 점수는 누구나 검증할 수 있는 기록으로 공개됩니다.",
                "The results of the new-growth R&D planning consulting program are published. Selections and scores are published as records anyone can verify.",
                now.AddDays(-13)),
            Notice.Publish(NoticeCategory.Call,
                "시민 문제해결 랩 '우리 동네 문제' 아이디어 공모",
                "Citizen Problem Lab: 'Problems in our neighbourhood' idea call",
                "시민과 어린이가 일상에서 겪는 문제를 제안하면, 공감을 많이 받은 문제는 소프트웨어 기업 공모 과제로 이어집니다. 만 14세 미만 어린이는 보호자 동의 후 참여할 수 있습니다.",
                "Citizens and children propose everyday problems; the most supported become calls for software companies. Children under 14 take part with a guardian's consent.",
                now.AddDays(-20)),
            Notice.Publish(NoticeCategory.Announcement,
                "개인정보처리방침 개정 안내 (2026. 11. 1. 시행)",
                "Privacy policy revised (effective 2026-11-01)",
                "회원가입 시 필수·선택 동의 항목을 구분하고 개인정보 보유기간을 명확히 하였습니다. 자세한 내용은 개인정보처리방침을 확인해 주십시오.",
                "Required and optional consents at sign-up are now separate and retention periods are stated. See the privacy policy for details.",
                now.AddDays(-25)),
            Notice.Publish(NoticeCategory.Announcement,
                "블록체인 기반 선정 결과 검증 서비스 시범 운영",
                "Pilot: blockchain-verified selection results",
                "인천 블록체인 혁신센터와 함께 지원사업 선정, 공급자 적격성, 인증서 기록을 위변조가 불가능한 공개 원장에 기록하는 서비스를 시범 운영합니다. 누구나 오프라인 검증 도구로 확인할 수 있습니다.",
                "With Incheon's blockchain innovation center, selections, supplier qualifications and certificates are appended to a tamper-evident public log that anyone can check with an offline verifier.",
                now.AddDays(-31)));
        await db.SaveChangesAsync();
    }
}
