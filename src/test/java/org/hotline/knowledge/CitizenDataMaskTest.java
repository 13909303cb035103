package org.hotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.workorder.Citizen;
import org.junit.jupiter.api.Test;

/** What becomes a knowledge entry carries nothing of the citizen (CitizenDataMask). */
class CitizenDataMaskTest {

    @Test
    void theCitizensNameAndHowRepliesAddressThemBecomeCitizen() {
        Citizen c = new Citizen("王秀英", "13806351001", false);
        assertThat(CitizenDataMask.mask("王秀英反映的问题已处理，王女士表示满意。", c, null))
                .isEqualTo("市民反映的问题已处理，市民表示满意。");
        assertThat(CitizenDataMask.mask("匿名来电", new Citizen("匿名", null, false), null)).isEqualTo("匿名来电");
    }

    @Test
    void phonesAreMaskedTheCitizensInAnySpellingAndEveryMobileButAUnitsLandlineStays() {
        Citizen c = new Citizen("李四", "0635-8123456", false);
        assertThat(CitizenDataMask.mask("已回拨06358123456和0635-8123456，经办人手机13912345678，咨询电话0635-0000118", c, null))
                .isEqualTo("已回拨0635****3456和0635-****3456，经办人手机139****5678，咨询电话0635-0000118");
    }

    @Test
    void idCardNumbersAddressesAndDoorNumbersGo() {
        Citizen c = new Citizen("张三", null, false);
        assertThat(CitizenDataMask.mask("身份证37150219800101123X，住振兴社区6号楼2单元301室", c, "振兴社区"))
                .isEqualTo("身份证******，住该地址*号楼*单元*室");
    }

    @Test
    void aDraftsTitleIsTheAppealsFirstSentenceCutAtAClauseWithinItsLength() {
        assertThat(EntryFromOrder.title("小区停水三天了。请尽快处理！")).isEqualTo("小区停水三天了");
        String longOne = "我家住在古楼街道东关街后巷，巷子里下雨积水很深，老人出门不方便，孩子上学要蹚水，已经好几年了";
        assertThat(EntryFromOrder.title(longOne)).isEqualTo("我家住在古楼街道东关街后巷，巷子里下雨积水很深，老人出门不方便，孩子上学要蹚水");
    }
}
