package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code dispatch-eval --settings}: the named settings change, every other one stays the tuned default. */
class TryingOtherSettingsNamesWhatItChangesTest {

    @Test
    void onlyTheNamedSettingsChange() {
        FeatureSettings tried = ModelFiles.settingsWith(FeatureSettings.defaults(), "{\"headChars\":0,\"c\":1.5}");

        assertThat(tried.headChars()).isZero();
        assertThat(tried.c()).isEqualTo(1.5);
        assertThat(tried).usingRecursiveComparison().ignoringFields("headChars", "c")
                .isEqualTo(FeatureSettings.defaults());
    }

    @Test
    void anUnknownSettingAWrongValueOrBrokenJsonIsRefusedWithItsName() {
        assertThatThrownBy(() -> ModelFiles.settingsWith(FeatureSettings.defaults(), "{\"headChar\":0}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no setting named headChar");
        assertThatThrownBy(() -> ModelFiles.settingsWith(FeatureSettings.defaults(), "{\"minN\":\"one\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong kind");
        assertThatThrownBy(() -> ModelFiles.settingsWith(FeatureSettings.defaults(), "{headChars:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not settings JSON");
    }
}
