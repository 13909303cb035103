package org.hotline.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Grouping appeals into hot issues, on small hand-written sets. */
class HotIssueClusteringTest {

    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    private static Appeal appeal(String id, String citizen, int day, String subject, String content) {
        return Appeal.of(id, citizen, T0.plus(day, ChronoUnit.DAYS), subject, content, "");
    }

    private static final List<Appeal> BACKGROUND = List.of(
            appeal("b1", "c90", 0, "咨询社保卡补办需要带什么材料", "想问一下社保卡丢了补办流程和需要的材料"),
            appeal("b2", "c91", 1, "公交车司机态度恶劣", "今天坐公交车司机态度很差，希望管一管"),
            appeal("b3", "c92", 2, "孩子入学政策咨询", "外地户口孩子上小学需要办理哪些手续"));

    private static HotIssueClustering clustered(List<Appeal> appeals) {
        HotIssueClustering c = new HotIssueClustering();
        BACKGROUND.forEach(c::add);
        appeals.forEach(c::add);
        return c;
    }

    @Test
    void theSameProblemAtTwoPlacesIsTwoIssues() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "幸福里小区烧烤店油烟太大", "我们幸福里小区底层烧烤店油烟直排进卧室，请环保部门处理"),
                appeal("a3", "c3", 5, "翠湖花园楼下烧烤店油烟扰民", "翠湖花园一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a4", "c4", 6, "翠湖花园烧烤店油烟太大", "翠湖花园底层烧烤店油烟直排进卧室，请环保部门处理")));

        assertThat(c.issueOf("a1")).isEqualTo(c.issueOf("a2"));
        assertThat(c.issueOf("a3")).isEqualTo(c.issueOf("a4"));
        assertThat(c.issueOf("a1")).isNotEqualTo(c.issueOf("a3"));
        assertThat(c.issue(c.issueOf("a1").orElseThrow(), T0).orElseThrow().place()).isEqualTo("幸福里小区");
        assertThat(c.issue(c.issueOf("a3").orElseThrow(), T0).orElseThrow().place()).isEqualTo("翠湖花园");
    }

    @Test
    void twoProblemsAtOnePlaceAreTwoIssues() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "幸福里小区烧烤店油烟太大", "我们幸福里小区底层烧烤店油烟直排进卧室，请环保部门处理"),
                appeal("a3", "c3", 5, "幸福里小区物业乱收停车费", "幸福里小区物业公司每月停车费从一百涨到三百，没有经过业主大会"),
                appeal("a4", "c4", 6, "幸福里小区停车费上涨不合理", "幸福里小区物业擅自上涨停车费，业主不同意")));

        assertThat(c.issueOf("a1")).isEqualTo(c.issueOf("a2"));
        assertThat(c.issueOf("a3")).isEqualTo(c.issueOf("a4"));
        assertThat(c.issueOf("a1")).isNotEqualTo(c.issueOf("a3"));
    }

    @Test
    void aNearDuplicateJoinsItsIssue() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "A市A2区丽景路夜间施工噪音扰民", "丽景路地铁工地每天凌晨两点还在施工，噪音大得睡不着"),
                appeal("a2", "c2", 3, "A2区丽景路夜间施工噪音扰民！", "丽景路地铁工地每天凌晨两点还在施工，噪音大得睡不着觉")));

        assertThat(c.issueOf("a2")).isEqualTo(c.issueOf("a1"));
        HotIssue issue = c.issue(c.issueOf("a1").orElseThrow(), T0.plus(5, ChronoUnit.DAYS)).orElseThrow();
        assertThat(issue.place()).isEqualTo("丽景路");
        assertThat(issue.heat().citizens()).isEqualTo(2);
    }

    @Test
    void anAppealAfterTheTimeWindowOpensANewIssue() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "丽景路夜间施工噪音扰民", "丽景路地铁工地每天凌晨两点还在施工，噪音大得睡不着"),
                appeal("a2", "c2", 3 + 61, "丽景路夜间施工噪音扰民", "丽景路地铁工地每天凌晨两点还在施工，噪音大得睡不着")));

        assertThat(HotIssueClustering.Settings.defaults().window().toDays()).isEqualTo(60);
        assertThat(c.issueOf("a2")).isNotEqualTo(c.issueOf("a1"));
    }

    @Test
    void aNewAppealJoinsTheIssueItBelongsToAsItArrives() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "幸福里小区物业乱收停车费", "幸福里小区物业公司每月停车费从一百涨到三百")));

        var assignment = c.add(appeal("a3", "c3", 5, "幸福里小区底层烧烤油烟严重", "幸福里小区楼下烧烤店油烟熏得家里全是味"));

        assertThat(assignment.opened()).isFalse();
        assertThat(assignment.issueId()).isEqualTo(c.issueOf("a1").orElseThrow());
        assertThat(assignment.sharedPlace()).isEqualTo("幸福里小区");
        assertThat(assignment.similarity()).isGreaterThanOrEqualTo(HotIssueClustering.Settings.defaults().threshold());
    }

    @Test
    void anAppealWithoutAPlaceJoinsOnlyAsANearDuplicate() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "某网贷平台跑路投资人血本无归", "某网贷平台突然无法提现，几千名投资人的钱拿不回来，请公安立案"),
                appeal("a2", "c2", 4, "某网贷平台跑路，投资人血本无归", "某网贷平台突然无法提现，几千名投资人的钱拿不回来，请公安尽快立案"),
                appeal("a3", "c3", 5, "投资理财被骗怎么办", "朋友介绍的理财产品亏了钱")));

        assertThat(c.issueOf("a2")).isEqualTo(c.issueOf("a1"));
        assertThat(c.issueOf("a3")).isNotEqualTo(c.issueOf("a1"));
    }

    @Test
    void anAppealASupervisorTookOutStaysOut() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "幸福里小区烧烤店油烟太大", "我们幸福里小区底层烧烤店油烟直排进卧室，请环保部门处理")));
        long original = c.issueOf("a1").orElseThrow();

        long own = c.detach("a2").orElseThrow();
        c.add(appeal("a3", "c3", 5, "幸福里小区烧烤店油烟扰民", "幸福里小区一楼烧烤店油烟直排，请处理"));

        assertThat(own).isNotEqualTo(original);
        assertThat(c.issueOf("a2")).contains(own);
        assertThat(c.issue(original, T0).orElseThrow().appeals()).doesNotContain("a2");
    }

    @Test
    void aSupervisorMayLinkAnAppealToAnotherIssue() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "小区门口烤串摊熏人", "晚上门口烤串摊烟很大")));
        long target = c.issueOf("a1").orElseThrow();

        c.place(appeal("a2", "c2", 4, "小区门口烤串摊熏人", "晚上门口烤串摊烟很大"), target);

        assertThat(c.issueOf("a2")).contains(target);
        assertThat(c.issue(target, T0.plus(10, ChronoUnit.DAYS)).orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void theHottestIssueComesFirst() {
        HotIssueClustering c = clustered(List.of(
                appeal("a1", "c1", 3, "幸福里小区楼下烧烤店油烟扰民", "幸福里小区一楼的烧烤店每天晚上油烟直排，窗户都不敢开"),
                appeal("a2", "c2", 4, "幸福里小区烧烤店油烟太大", "我们幸福里小区底层烧烤店油烟直排进卧室，请环保部门处理"),
                appeal("a3", "c3", 5, "幸福里小区烧烤店油烟扰民", "幸福里小区一楼烧烤店油烟直排，请处理"),
                appeal("a4", "c4", 5, "翠湖花园物业乱收停车费", "翠湖花园物业公司每月停车费从一百涨到三百"),
                appeal("a5", "c5", 6, "翠湖花园停车费上涨不合理", "翠湖花园物业擅自上涨停车费，业主不同意")));

        List<HotIssue> top = c.issues(T0.plus(7, ChronoUnit.DAYS), 2);

        assertThat(top).extracting(HotIssue::place).containsExactly("幸福里小区", "翠湖花园");
    }
}
