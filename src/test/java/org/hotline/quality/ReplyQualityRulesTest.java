package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.quality.ReplyQuality.Aspect;
import org.junit.jupiter.api.Test;

/** Scoring replies before review, on hand-written replies (README "Reply quality"). */
class ReplyQualityRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final ReplyQualityRules rules = new ReplyQualityRules(WorkingCalendar.china(ZONE), 5);

    // Monday 2026-06-08 09:00; the reply on Thursday, 3 working days later
    private static final Instant APPEALED = Instant.parse("2026-06-08T01:00:00Z");
    private static final Instant REPLIED = Instant.parse("2026-06-11T07:00:00Z");

    private static final String SUBJECT = "幸福里小区楼下烧烤店油烟扰民";
    private static final String CONTENT = "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开，请环保部门处理";

    private static final String GOOD = "您好！您反映的幸福里小区楼下烧烤店油烟扰民问题已收悉。经调查核实，该烧烤店未安装油烟净化设施，"
            + "油烟直排属实。根据《中华人民共和国大气污染防治法》第八十一条的规定，我局已责令其限期安装油烟净化装置并停止露天烧烤。"
            + "目前该店已完成整改，油烟经专用烟道高空排放。下一步我局将持续跟踪检查，如有疑问可致电区执法局联系电话 0635-8888123。"
            + "感谢您对我们工作的支持！";

    private ReplyQuality score(String reply) {
        return rules.score(new ReplyQualityRules.Reply(SUBJECT, CONTENT, APPEALED, reply, REPLIED));
    }

    @Test
    void aReplyThatAnswersFullyScoresHighWithEvidenceForEachPart() {
        ReplyQuality q = score(GOOD);

        assertThat(q.low()).isFalse();
        assertThat(q.score()).isGreaterThanOrEqualTo(90);
        assertThat(q.part(Aspect.COMPLETENESS).points()).isEqualTo(40);
        assertThat(q.part(Aspect.RELEVANCE).evidence()).anyMatch(e -> e.contains("幸福里"));
        assertThat(q.part(Aspect.TIMELINESS).evidence()).anyMatch(e -> e.contains("用时 3 个工作日"));
    }

    @Test
    void aReplyThatOnlySaysItWasPassedOnScoresLowOnCompleteness() {
        ReplyQuality q = score("已转相关部门");

        assertThat(q.part(Aspect.COMPLETENESS).points()).isZero();
        assertThat(q.part(Aspect.COMPLETENESS).failed()).isTrue();
        assertThat(q.part(Aspect.FORM).evidence()).contains("只有套话，没有实质内容");
        assertThat(q.low()).isTrue();
        assertThat(q.reasons()).anyMatch(r -> r.contains("缺少调查核实"));
    }

    @Test
    void aReplyThatCitesNoBasisLosesThatPart() {
        String withoutBasis = GOOD.replace("根据《中华人民共和国大气污染防治法》第八十一条的规定，", "");

        ReplyQuality q = score(withoutBasis);

        assertThat(q.part(Aspect.COMPLETENESS).points()).isEqualTo(32);
        assertThat(q.part(Aspect.COMPLETENESS).evidence()).contains("缺少：政策依据");
        assertThat(q.score()).isEqualTo(score(GOOD).score() - 8);
    }

    @Test
    void aReplyThatLeaksAPhoneNumberFailsForm() {
        String leaking = GOOD.replace("经调查核实，", "经调查核实（投诉人王女士，13812345678），");

        ReplyQuality q = score(leaking);

        assertThat(q.part(Aspect.FORM).points()).isZero();
        assertThat(q.part(Aspect.FORM).failed()).isTrue();
        assertThat(q.low()).isTrue();
        assertThat(q.reasons()).anyMatch(r -> r.contains("手机号码 138****5678"));
    }

    @Test
    void aContactNumberTheUnitOffersIsNoLeak() {
        ReplyQuality q = score(GOOD.replace("0635-8888123", "13906351234"));

        assertThat(q.part(Aspect.FORM).failed()).isFalse();
    }

    @Test
    void anInternalNoteInThePublicReplyFailsForm() {
        ReplyQuality q = score(GOOD + "内部备注：该户多次投诉，领导批示从严处理");

        assertThat(q.part(Aspect.FORM).failed()).isTrue();
        assertThat(q.low()).isTrue();
    }

    @Test
    void aLateReplyLosesTimelinessByTheWorkingDay() {
        // 10 working days after Monday 2026-06-08 (the Dragon Boat holiday 2026-06-19 is not one of them)
        ReplyQuality q = rules.score(new ReplyQualityRules.Reply(SUBJECT, CONTENT, APPEALED, GOOD,
                Instant.parse("2026-06-23T02:00:00Z")));

        assertThat(q.part(Aspect.TIMELINESS).evidence()).anyMatch(e -> e.startsWith("用时 10 个工作日"));
        assertThat(q.part(Aspect.TIMELINESS).points()).isEqualTo(8);
    }

    @Test
    void aReplyAboutAnotherPlaceAndProblemLosesRelevance() {
        ReplyQuality q = score(GOOD.replace("幸福里小区楼下烧烤店油烟扰民", "翠湖花园停车收费"));

        assertThat(q.part(Aspect.RELEVANCE).points()).isLessThan(score(GOOD).part(Aspect.RELEVANCE).points());
        assertThat(q.part(Aspect.RELEVANCE).evidence()).anyMatch(e -> e.startsWith("未提及诉求中的地点"));
    }
}
