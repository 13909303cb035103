package org.hotline.dispatch;

import org.hotline.organization.Place;
import org.hotline.organization.UnitId;

/**
 * Where an order is, as the gazetteer sees it: the place found, the territorial unit responsible for it,
 * how the words matched the place, where they were found and the words themselves (what a dispatcher checks).
 */
public record PlaceMatch(Place place, UnitId unit, How how, Source source, String matchedText) {

    /** How the words matched: the more exact, the more the match is trusted. */
    public enum How {
        /** The place's full name, e.g. 东关社区. */
        NAME("全称"),
        /** One of the names citizens use for it, e.g. 光岳楼南. */
        ALIAS("别名"),
        /** The name without its suffix (街道, 社区, 村, 路 …), e.g. 东关; used only when no other unit shares it. */
        SHORT_NAME("简称"),
        /** A name with one character wrong, missing or extra, e.g. 东关杜区; used only when unambiguous. */
        TYPO("近似");

        private final String label;

        How(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the words were: the address the citizen gave is trusted over places merely mentioned in the text. */
    public enum Source {
        ADDRESS("地址"), TEXT("诉求内容");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** For the dispatcher, e.g. 地址中“东关”（简称）→ 东关社区. */
    public String describe() {
        return source.label() + "中“" + matchedText + "”（" + how.label() + "）→ " + place.name();
    }
}
