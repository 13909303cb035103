package org.hotline.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.support.Browser;
import org.hotline.support.BrowserIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** 巡查上报 on a reporter's phone, and 巡查统计 on the center's desk, after a morning of patrols. */
@BrowserIntegrationTest
class PatrolBrowserTest {

    private static final UnitId HOUYING = new UnitId("dcf-houying");
    private static final UnitId GULOU = new UnitId("dcf-gulou");

    @Autowired
    PatrolService patrol;

    Browser browser;

    private static boolean seeded;

    @BeforeEach
    void aMorningOfPatrols() {
        if (seeded) {
            return;
        }
        seeded = true;
        file(reporter("houying-patrol2", "侯营镇网格员二", HOUYING), 12, PatrolKind.GREENHOUSE, "前营村大棚巡查，棚膜、卷帘机正常");
        file(reporter("houying-patrol3", "侯营镇网格员三", HOUYING), 4, PatrolKind.WELL_SWITCH, "后营村机井开关箱巡查，箱门锁闭");
        file(reporter("houying-patrol1", "侯营镇警务助理一", HOUYING), 6, PatrolKind.SOLAR_EQUIPMENT,
                "三里庄村屋顶光伏巡查，支架牢固");
        file(reporter("gulou-patrol1", "古楼街道网格员一", GULOU), 9, PatrolKind.SAFETY_HAZARD, "东关街沿街商铺消防通道巡查");
        file(reporter("gulou-patrol2", "古楼街道网格员二", GULOU), 2, PatrolKind.DISPUTE, "楼南社区邻里纠纷回访");
        patrol.report(new PatrolService.NewReport(PatrolKind.SAFETY_HAZARD, "后营村村西变压器旁杂草堆积，有火灾隐患",
                "侯营镇后营村村西", 36.52, 115.83, true), List.of(), reporter("houying-patrol1", "侯营镇警务助理一", HOUYING));
    }

    @Test
    void aReporterSeesTheQuotaAndFilesFromThePhone() {
        browser.phone().signIn("houying-patrol1");
        assertThat(browser.path()).isEqualTo("/console/patrol");
        assertThat(browser.mainText()).contains("我的任务量", "今日", "本月", "还差");

        browser.one("input[name=kind][value=DISPUTE]").click();
        browser.type(By.id("patrol-text"), "前营村两户村民因排水沟走向发生争执，已现场劝解，建议镇司法所调解。");
        browser.type(By.id("patrol-address"), "侯营镇前营村村东");
        browser.one("input[name=needsAction][value=true]").click();
        browser.clickAndWait("form[action='/console/patrol'] button[type=submit]");

        String text = browser.mainText();
        assertThat(text).contains("上报成功，已生成工单", "前营村两户村民因排水沟走向发生争执", "需处置", "仅报备");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("patrol-phone");
    }

    @Test
    void theCenterSeesEachTownsReportersRankedWithShortfalls() {
        browser.desktop().signIn("supervisor1");
        browser.open("/console/patrol/towns");

        String text = browser.mainText();
        assertThat(text).contains("侯营镇", "古楼街道", "本月覆盖率", "侯营镇网格员二", "已完成", "还差");
        assertThat(browser.all(".panel.town")).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshot("patrol-towns");
        browser.phone();
        assertThat(browser.scrollsSideways()).isFalse();
    }

    private void file(Actor reporter, int count, PatrolKind kind, String text) {
        for (int i = 0; i < count; i++) {
            patrol.report(new PatrolService.NewReport(kind, text + "（第 " + (i + 1) + " 处）", "巡查片区", null, null,
                    false), List.of(), reporter);
        }
    }

    private static Actor reporter(String username, String name, UnitId town) {
        return new Actor(username, name, Role.FIELD_REPORTER, town);
    }
}
