package org.hotline.dispatch.internal.learning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.dispatch.*} keys of the learning side. Every key is optional; the defaults are here. (The
 * routing side reads its own keys under the same prefix.) The retrain cron is read by the scheduler annotation
 * directly, and is listed here only to document it.
 *
 * @param activateNewModels a newly trained version is served at once (false: an admin activates it)
 * @param trainAtFirstStart at the first start (no model yet) import a history and train version 1
 * @param trainingFile      the history to import at the first start instead of the shipped demo history
 * @param crossValidateUpTo up to this many examples a new version is measured by 5-fold cross-validation,
 *                          above it by one 80/20 holdout (five extra trainings would take too long)
 * @param maxTextLength     imported rows with a longer text are rejected (the column holds 10,000)
 * @param retrainCron       when the scheduled retrain looks for new examples
 * @param shippedModel      the model file served as version 1 at the first start when no training file is set
 *                          (the unit-level model trained from the shared data, which ships with the project);
 *                          blank: train version 1 from the demo history instead
 */
@ConfigurationProperties("hotline.dispatch")
record LearningProperties(Boolean activateNewModels, Boolean trainAtFirstStart, String trainingFile,
        Integer crossValidateUpTo, Integer maxTextLength, String retrainCron, String shippedModel) {

    static final String SHIPPED_MODEL = "classpath:dispatch/model-v1.bin";

    String shippedModelLocation() {
        return shippedModel == null ? SHIPPED_MODEL : shippedModel.strip();
    }

    static final int COLUMN_LIMIT = 10_000;

    boolean activates() {
        return activateNewModels == null || activateNewModels;
    }

    boolean trainsAtFirstStart() {
        return trainAtFirstStart == null || trainAtFirstStart;
    }

    int crossValidationLimit() {
        return crossValidateUpTo == null ? 5_000 : crossValidateUpTo;
    }

    int textLimit() {
        return maxTextLength == null ? 4_000 : Math.min(maxTextLength, COLUMN_LIMIT);
    }
}
