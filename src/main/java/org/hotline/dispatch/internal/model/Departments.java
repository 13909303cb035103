package org.hotline.dispatch.internal.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The departments named in an official reply, mapped to the units of the demo organisation: how the 2,816
 * replies of the shared data become unit-level labels. The data comes from another province with anonymised
 * places ("A7县教育局", "A3区街道"), so a department is recognised by its kind, and a town, township or street
 * office (or a reply that speaks as one: 我镇, 我街道) is the territorial unit (属地), whose concrete unit the
 * address decides.
 *
 * <p>Which department of a reply counts: the one that signs it (the last 60 characters), else the first one the
 * reply names as acting (经…调查, 由…负责, 我局); a reply that names none, or only the government or the party
 * committee (too general to say who acted), gives no label. See docs/unit-labelling.md for the table and how
 * well it agrees with a reading of the replies.
 */
public final class Departments {

    /** The label a territorial reply gets: the town or street office of the place. */
    public static final String TERRITORIAL = "属地";

    private record Kind(Pattern pattern, String unit) {
    }

    /** Tried in order at every position: more specific kinds first (交警 before 公安, 城管执法 before 城乡建设). */
    private static final List<Kind> KINDS = List.of(
            kind("交警|交通警察|交管", "dcf-jj"),
            kind("城市管理|城管|行政执法|执法大队|城乡建设行政执法|市容|环卫|园林|绿化|市政", "dcf-zhzfj"),
            kind("医疗保障|医保|城乡居民基本医疗保险|新农合", "dcf-ybj"),
            kind("人力资源|人社|劳动保障|社保|社会保险|劳动监察|就业", "dcf-rsj"),
            kind("教育|教体|学校|中学|小学|学院|幼儿园", "dcf-jtj"),
            kind("卫生|卫健|卫计|计生|医院|妇幼|疾控|卫生院", "dcf-wjj"),
            kind("生态环境|环境保护|环保", "dcf-sthj"),
            kind("自然资源|国土|规划|不动产", "dcf-zrzy"),
            kind("住房和城乡建设|住建|住房保障|住保|房产|房屋|房地产|公积金|建设局|城乡建设|规建|棚改|物业", "dcf-zjj"),
            kind("交通运输|交通局|运输管理|运管|公路|客运", "dcf-jtysj"),
            kind("市场监督|市场监管|工商|质监|食品药品|食药|物价|价格", "dcf-scjgj"),
            kind("公安|派出所|警务", "dcf-gafj"),
            kind("供电|电力|国网|电业", "dcf-power"),
            kind("自来水|供水|水务集团|水业", "dcf-water"),
            kind("燃气|天然气", "dcf-gas"),
            kind("供热|供暖|热力", "dcf-heat"),
            kind("水利|水务", "dcf-slj"),
            kind("农业|农委|农村|畜牧|林业", "dcf-nyncj"),
            kind("民政|残联|老龄|退役军人", "dcf-mzj"),
            kind("应急管理|安监|安全生产监督", "dcf-yjglj"),
            kind("商务|招商|商贸", "dcf-swj"),
            kind("文化|旅游|文旅|文体|广电", "dcf-whlyj"),
            kind("行政审批|政务服务", "dcf-xzsp"),
            kind("街道|镇人民政府|镇政府|乡人民政府|乡政府|办事处|我镇|我乡|我街道|社区居委会|村委会|征地|拆迁|处遗办", TERRITORIAL));

    /** A department's name: a place or unit prefix and a kind of office, or a reply that speaks as one. */
    private static final Pattern DEPARTMENT = Pattern.compile(
            "([\\u4e00-\\u9fa5A-Za-z0-9]{0,14}?(局|委员会|委|办公室|办|公司|集团|中心|分局|大队|支队|所|院|街道办事处|街道|镇人民政府|镇政府|镇|乡人民政府|乡政府|乡|站|处))"
                    + "|我(局|镇|乡|街道|委|中心|办|所|院|公司)");

    private Departments() {
    }

    private static Kind kind(String words, String unit) {
        return new Kind(Pattern.compile(words), unit);
    }

    /** The unit (an id of the demo organisation, or {@link #TERRITORIAL}) that handled the reply's matter, or null. */
    public static String unitOf(String reply) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        String tail = reply.length() <= 60 ? reply : reply.substring(reply.length() - 60);
        String signed = firstIn(tail, true);
        return signed != null ? signed : firstIn(reply, false);
    }

    /** The kind of the first department named in {@code text}; in a signature the last one named. */
    private static String firstIn(String text, boolean last) {
        Matcher m = DEPARTMENT.matcher(text);
        String found = null;
        while (m.find()) {
            String name = m.group();
            if (name.startsWith("我")) {
                String unit = ofSelf(name, text);
                if (unit != null) {
                    found = unit;
                    if (!last) {
                        return found;
                    }
                }
                continue;
            }
            String unit = kindOf(name);
            if (unit != null) {
                found = unit;
                if (!last) {
                    return found;
                }
            }
        }
        return found;
    }

    /** "我镇", "我街道": the reply speaks as a territorial unit; "我局" says nothing of which bureau by itself. */
    private static String ofSelf(String self, String text) {
        return switch (self) {
            case "我镇", "我乡", "我街道" -> TERRITORIAL;
            default -> null;
        };
    }

    private static String kindOf(String name) {
        for (Kind k : KINDS) {
            if (k.pattern().matcher(name).find()) {
                return k.unit();
            }
        }
        return null;
    }
}
