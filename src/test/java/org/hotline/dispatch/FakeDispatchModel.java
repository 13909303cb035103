package org.hotline.dispatch;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The model behind the console's intake and dispatch pages in their tests: {@link FakeClassifier#demo()} and the
 * matters those pages' scenarios are about (waterlogging, restaurant fumes, broken roads), each with the word that
 * drove it as evidence. {@code @Primary}, so that it wins over a trained model's bean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeDispatchModel {

    @Bean
    @Primary
    Classifier fakeDispatchModel() {
        return FakeClassifier.demo()
                .knows("积水", "09.05.03", 0.88)
                .knows("油烟", "05.01.03", 0.86)
                .knows("井盖", "09.05.02", 0.84)
                .knows("坑洼", "07.03.03", 0.62)
                .knows("装修", "05.03.02", 0.48);
    }
}
