package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.UnitSuggestion;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The misdispatches reported against the demo-history model (issue 14), in our own words, decided by the model
 * that ships with the project as a fresh install decides: the unit each belongs to, and evidence a person can
 * read (whole words, never fragments across words).
 */
class TheReportedMisdispatchesGoWhereTheyBelongTest {

    private static final DispatchAdvisor ADVISOR = ShippedModel.advisor();
    private static final UnitId ZHZFJ = new UnitId("dcf-zhzfj");
    private static final UnitId ZJJ = new UnitId("dcf-zjj");

    private static DispatchAdvice forAPerson(String text, String address) {
        return ADVISOR.advise(new DispatchRequest(text, address, Urgency.NORMAL, null), true);
    }

    @Test
    void aBarbecueShopsFumesLateAtNightGoToLawEnforcementNotToNightConstruction() {
        String text = "楼下烧烤店每天营业到凌晨两点，油烟直接往我家窗户里灌，晚上十点还在吵，家里老人孩子根本没法休息。";
        DispatchAdvice a = forAPerson(text, "柳园街道龙湾社区");

        assertThat(a.lead()).isEqualTo(ZHZFJ);
        assertThat(a.categoryCode()).isNotEqualTo("01.02.01");
        List<String> evidence = a.suggestions().get(0).evidence();
        assertThat(evidence).isNotEmpty().containsAnyOf("油烟", "烧烤店", "烧烤").doesNotContain("点还", "还在", "响休");
        assertThat(a.suggestions()).flatExtracting(UnitSuggestion::evidence).allSatisfy(w -> {
            assertThat(text).contains(w);
            assertThat(w.length()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aLandlordKeepingTheDepositGoesToHousingAndNothingAboutStreetCleaningIsSuggested() {
        DispatchAdvice a = forAPerson("租的房子合同到期搬走一个多月了，房东一直扣着两千元押金不退，打电话也不接。", null);

        assertThat(a.suggestions().get(0).leadUnit()).isEqualTo(ZJJ);
        assertThat(a.suggestions()).flatExtracting(UnitSuggestion::categories)
                .noneMatch(c -> c.label().startsWith("09.02"));
    }

    @Test
    void aCityStreetLightGoesToLawEnforcementNotToTheHousingBureau() {
        DispatchAdvice a = forAPerson("建设路上的路灯坏了一个多星期，晚上一片漆黑，老人孩子走路很危险。", "柳园街道");

        assertThat(a.suggestions().get(0).leadUnit()).isEqualTo(ZHZFJ);
        assertThat(a.suggestions().get(0).evidence()).contains("路灯");
    }
}
