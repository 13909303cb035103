package org.hotline.hotissue;

/**
 * A place named in an appeal's content or address: a community, an estate, a road, a school, a company...
 * {@link #key()} is the name two appeals must share to be about the same place: the name without its
 * administrative prefix and without a generic suffix, so that "A市A5区魅力之城小区" and "魅力之城" meet.
 */
public record NamedPlace(String name, Kind kind, String key) {

    /** What kind of place a name is, from its suffix. Only specific kinds locate a problem. */
    public enum Kind {
        /** 社区, 居委会 */
        COMMUNITY("社区"),
        /** 小区, 花园, 苑, 新村...: a residential estate */
        ESTATE("小区"),
        /** 路, 街, 大道, 巷 */
        ROAD("道路"),
        /** 12栋, 3号楼: only meaningful with the estate it belongs to */
        BUILDING("楼栋"),
        /** 小学, 中学, 幼儿园, 学院 */
        SCHOOL("学校"),
        /** 公司, 厂, 医院, 市场, 搅拌站...: an organisation or site */
        COMPANY("单位"),
        /** 村 */
        VILLAGE("村"),
        /** 镇, 乡, 街道: too wide to locate a problem on its own */
        TOWN("镇街");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether two appeals sharing a place of this kind may be about the same spot. */
        public boolean locates() {
            return this != TOWN && this != BUILDING;
        }
    }
}
