package org.hotline.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * How good one public reply is, before review, and why: four parts with their points and the evidence found
 * (README "Reply quality"). A reply is <b>low quality</b> when its total is under {@link #LOW_BELOW}, or when
 * a part fails outright whatever the total (it leaks a phone number or an internal note, or it is nothing but
 * boilerplate such as "已转相关部门"); the reviewer sees the reasons before deciding.
 */
public record ReplyQuality(int score, List<Part> parts, boolean low, List<String> reasons) {

    /** Totals under this are flagged to the reviewer. */
    public static final int LOW_BELOW = 60;

    /** The four aspects and the points each is worth (100 in all). */
    public enum Aspect {
        /** 相关性: the reply is about the place and the problem the citizen raised. */
        RELEVANCE("相关性", 25),
        /** 完整性: what was found, what was done, the basis, the result, a contact or next step (8 each). */
        COMPLETENESS("完整性", 40),
        /** 及时性: working days from appeal to reply, against the reply limit. */
        TIMELINESS("及时性", 15),
        /** 规范性: courtesy, more than boilerplate, no internal notes or other people's data. */
        FORM("规范性", 20);

        private final String label;
        private final int max;

        Aspect(String label, int max) {
            this.label = label;
            this.max = max;
        }

        public String label() {
            return label;
        }

        public int max() {
            return max;
        }
    }

    /** One aspect's points, the evidence for them, and whether it failed outright. */
    public record Part(Aspect aspect, int points, List<String> evidence, boolean failed) {

        public Part {
            evidence = List.copyOf(evidence);
        }
    }

    public ReplyQuality {
        parts = List.copyOf(parts);
        reasons = List.copyOf(reasons);
    }

    static ReplyQuality of(List<Part> parts, List<String> failures) {
        int score = parts.stream().mapToInt(Part::points).sum();
        List<String> reasons = new ArrayList<>(failures);
        if (score < LOW_BELOW) {
            reasons.add(0, "总分 " + score + " 低于 " + LOW_BELOW);
        }
        return new ReplyQuality(score, parts, !reasons.isEmpty(), reasons);
    }

    public Part part(Aspect aspect) {
        return parts.stream().filter(p -> p.aspect() == aspect).findFirst().orElseThrow();
    }
}
