package org.hotline.dispatch.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.RoutingRules;
import org.hotline.dispatch.internal.routing.DemoOrganization;

/** The model that ships with the project, read once, and the decision a fresh install takes with it. */
final class ShippedModel {

    static final LinearTextModel MODEL = read();

    private ShippedModel() {
    }

    /** The decision as a fresh install of the demo organisation takes it (directory, rules, gazetteer, threshold). */
    static DispatchAdvisor advisor() {
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        return new DispatchAdvisor(new TrainedClassifier("1", LabelKind.CATEGORY, MODEL, MODEL.labels().length),
                org.matcher(), new RoutingRules(org.defaultRules(), org.categories()), org.units(), org.categories(),
                org.directory(), DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
    }

    private static LinearTextModel read() {
        try (InputStream in = ShippedModel.class.getResourceAsStream("/dispatch/model-v1.bin")) {
            return ModelFiles.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
