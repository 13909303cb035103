package org.hotline.triage;

import java.util.List;

import org.hotline.triage.internal.RulesFile;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;

/** The shipped rules, read once for all tests (jieba's dictionary loads once per JVM anyway). */
public final class TriageFixture {

    public static final TriageRules RULES = RulesFile.shipped();
    public static final Triager TRIAGER = new Triager(RULES, null);

    private TriageFixture() {
    }

    /** An appeal as an operator registers it from a call. */
    public static Triage onThePhone(String text) {
        return TRIAGER.triage(new TriageRequest(text, AppealType.COMPLAINT, Channel.PHONE));
    }

    /** An appeal a citizen entered alone on the web form. */
    public static Triage onTheWeb(String text) {
        return TRIAGER.triage(new TriageRequest(text, AppealType.COMPLAINT, Channel.WEB));
    }

    /** The rules behind each piece of evidence of an effect. */
    public static List<String> rules(Triage t, Evidence.Effect effect) {
        return t.evidence().stream().filter(e -> e.effect() == effect).map(Evidence::rule).toList();
    }
}
