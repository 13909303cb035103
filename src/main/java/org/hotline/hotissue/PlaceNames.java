package org.hotline.hotissue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotline.hotissue.NamedPlace.Kind;

/**
 * Finds the places an appeal names: a name is a run of Chinese characters, letters and digits ending in a
 * suffix that says what it is (小区, 社区, 路, 村, 小学, 公司...), cut on the left where a function word or an
 * administrative prefix (A市, A3区, 西地省, 春华镇) begins. No dictionary of places is needed, so a new estate is
 * found the day its first appeal arrives; a generic name (该小区, 马路, 物业公司) is dropped because it locates
 * nothing.
 *
 * <p>Why suffixes rather than a segmenter: the places citizens name are mostly unknown to any dictionary (estate
 * and company names), while their suffixes are a short closed list.
 */
public final class PlaceNames {

    private record Suffix(String text, Kind kind) {
    }

    // Longest first at each position; a suffix is tried only where the text continues as a name would end.
    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("居委会", Kind.COMMUNITY), new Suffix("村委会", Kind.VILLAGE), new Suffix("街道办", Kind.TOWN),
            new Suffix("办事处", Kind.TOWN), new Suffix("幼儿园", Kind.SCHOOL), new Suffix("实验学校", Kind.SCHOOL),
            new Suffix("立交桥", Kind.ROAD), new Suffix("搅拌站", Kind.COMPANY), new Suffix("加油站", Kind.COMPANY),
            new Suffix("地铁站", Kind.COMPANY), new Suffix("火车站", Kind.COMPANY), new Suffix("汽车站", Kind.COMPANY),
            new Suffix("号楼", Kind.BUILDING), new Suffix("社区", Kind.COMMUNITY), new Suffix("小区", Kind.ESTATE),
            new Suffix("花园", Kind.ESTATE), new Suffix("家园", Kind.ESTATE), new Suffix("新村", Kind.ESTATE),
            new Suffix("公寓", Kind.ESTATE), new Suffix("山庄", Kind.ESTATE), new Suffix("公馆", Kind.ESTATE),
            new Suffix("广场", Kind.ESTATE), new Suffix("大厦", Kind.ESTATE), new Suffix("新城", Kind.ESTATE),
            new Suffix("名城", Kind.ESTATE), new Suffix("华府", Kind.ESTATE), new Suffix("华庭", Kind.ESTATE),
            new Suffix("大道", Kind.ROAD), new Suffix("大街", Kind.ROAD), new Suffix("街道", Kind.TOWN),
            new Suffix("学校", Kind.SCHOOL), new Suffix("小学", Kind.SCHOOL), new Suffix("中学", Kind.SCHOOL),
            new Suffix("大学", Kind.SCHOOL), new Suffix("学院", Kind.SCHOOL), new Suffix("职校", Kind.SCHOOL),
            new Suffix("一中", Kind.SCHOOL), new Suffix("二中", Kind.SCHOOL), new Suffix("驾校", Kind.COMPANY),
            new Suffix("公司", Kind.COMPANY), new Suffix("集团", Kind.COMPANY), new Suffix("医院", Kind.COMPANY),
            new Suffix("银行", Kind.COMPANY), new Suffix("市场", Kind.COMPANY), new Suffix("超市", Kind.COMPANY),
            new Suffix("商场", Kind.COMPANY), new Suffix("酒店", Kind.COMPANY), new Suffix("宾馆", Kind.COMPANY),
            new Suffix("工地", Kind.COMPANY), new Suffix("项目", Kind.COMPANY), new Suffix("园区", Kind.COMPANY),
            new Suffix("厂", Kind.COMPANY), new Suffix("苑", Kind.ESTATE), new Suffix("园", Kind.ESTATE),
            new Suffix("城", Kind.ESTATE), new Suffix("府", Kind.ESTATE), new Suffix("湾", Kind.ESTATE),
            new Suffix("路", Kind.ROAD), new Suffix("街", Kind.ROAD), new Suffix("巷", Kind.ROAD),
            new Suffix("桥", Kind.ROAD), new Suffix("村", Kind.VILLAGE), new Suffix("镇", Kind.TOWN),
            new Suffix("乡", Kind.TOWN), new Suffix("栋", Kind.BUILDING));

    /** Characters after a suffix that show it was not the end of a name (路灯, 城管, 村民, 园林...). */
    private static final Map<String, String> NOT_BEFORE = Map.ofEntries(
            Map.entry("路", "灯面段况线费人由过基"), Map.entry("街", "道头边面巷坊"), Map.entry("城", "管市区乡镇际建投中"),
            Map.entry("园", "林区艺内长所"), Map.entry("村", "民委组级干集部庄里"), Map.entry("镇", "政压"),
            Map.entry("乡", "村镇下亲"), Map.entry("市", "民场"), Map.entry("桥", "梁下面上"), Map.entry("厂", "房区家商长"),
            Map.entry("府", "部门"), Map.entry("湾", "区"), Map.entry("苑", "区"), Map.entry("巷", "子道口"),
            Map.entry("栋", "梁"), Map.entry("项目", "部经"), Map.entry("社区", "医服卫工居"), Map.entry("小区", "内外里门"),
            Map.entry("市场", "监化主经价"), Map.entry("公司", "员法"), Map.entry("学校", "门周附旁"), Map.entry("工地", "上"));

    /** Words that end a name on its left: what stands before them is not part of the place's name. */
    private static final List<String> LEFT_STOPS = List.of("反映", "关于", "位于", "地处", "坐落在", "座落在", "落在", "住在",
            "家住", "投诉", "咨询", "举报", "建议", "要求", "希望", "请问", "附近", "旁边", "对面", "周边", "以及", "还有",
            "我们", "我是", "本人", "业主", "居民", "村民", "市民", "网友", "整治", "处理", "解决", "治理", "查处", "取缔",
            "拆除", "搬迁", "规划", "建设", "修建", "维修", "什么", "为何", "为什么", "怎么", "何时", "能否", "是否", "一下",
            "请求", "恳请", "强烈", "严重", "导致", "造成", "影响", "其中", "目前", "现在", "一直", "已经", "没有", "不能",
            "开始", "周围", "占用", "进入", "横跨", "购买", "距离", "取得", "出自", "改变", "获悉", "领导", "听说", "增建",
            "单方面", "号线", "许多", "很多", "一些", "所有", "整个", "部分", "各位", "包括", "属于", "靠近", "紧邻", "路过",
            "经过", "通过", "沿着", "隔壁", "楼下", "楼上", "门前", "后面", "前面", "里面", "执行", "办成", "开展", "全面",
            "商品房", "其次", "没带", "配套", "起办", "我", "在", "的", "于", "是", "与", "及", "对", "向", "到", "从",
            "请", "被", "把", "给", "了", "将", "就", "都", "也", "还", "又", "等", "该", "这", "那", "个", "让", "帮",
            "叫", "称", "啊", "吗", "呢", "吧", "而", "系", "即", "或", "门口", "门口有", "里有", "上有", "边有", "旁有", "内有");

    /** Cores that name no particular place (该小区, 马路, 物业公司, 农村...). */
    private static final Set<String> GENERIC = Set.of("有限", "股份有限", "有限责任", "责任", "发展有限", "普惠性",
            "普惠", "普惠性民办", "服务", "餐饮服务", "维权之", "不宜临", "临", "临街", "沿街", "小区内", "小区配套", "配套",
            "道", "马", "公", "铁", "水泥", "进村", "出", "思", "网", "线", "电", "一", "走", "修", "过", "小", "大", "山", "土", "泥",
            "环", "沿", "老", "新", "主", "支", "辅", "断头", "机耕", "村", "组", "乡", "通村", "柏油", "门口", "物业", "开发", "房地产", "建筑",
            "装修", "培训", "教育", "科技", "有关", "相关", "民办", "公办", "私立", "城乡", "农", "城市", "老旧", "新建", "安置", "保障", "本", "各",
            "某", "其", "此", "整个", "全", "我", "我们", "他们", "你们", "这个", "那个", "一个", "每个", "多个", "所在", "周边", "附近", "同",
            "全市", "全省", "全国", "市", "区", "县", "省", "街", "集", "步行", "商业", "高", "快", "慢", "中", "下", "上", "住宅", "商品房",
            "回迁", "拆迁", "单位", "企业", "私人", "个体", "国有", "外", "里", "内", "该", "原", "旧", "高速", "人行", "市政", "农贸", "菜",
            "批发", "工业", "产业", "物流", "幼儿", "的", "家", "小学", "中学", "初中", "高中", "名", "贵", "本市", "本区", "乡村", "城中", "市区",
            "城区", "郊区", "工厂", "学", "医", "公共", "花", "庄", "校", "分", "总", "子", "母", "游乐", "动物", "植物", "公立", "民营", "施工",
            "工程", "建设", "改造", "扶贫", "重点", "保障房", "经适房", "廉租房", "公租房", "幼");

    /** Administrative prefixes in front of a name: the city, the district or county, the province. */
    private static final Pattern ADMIN_PREFIX = Pattern.compile(
            "^(?:[A-Z][0-9]{0,2}[省市区县]|西地省|[\\p{IsHan}]{2,3}省|[\\p{IsHan}]{1,3}(?<![小社园校景厂矿营片街新城生菜集])市(?!场)"
                    + "|[\\p{IsHan}]{2,3}(?<![小社园校景厂矿营片街新城库军发])区|[\\p{IsHan}]{1,3}县)+");

    /** Where an administrative prefix ends inside a name: the name proper starts after the last one. */
    private static final Pattern ADMIN_INSIDE = Pattern.compile("[A-Z][0-9]{0,2}[省市区县]|[省县]|市(?!场)|政府");

    /** Names that end like a place but are an authority or a phase, never the place of a problem. */
    private static final List<String> NOT_PLACES = List.of("政府", "一期", "二期", "三期", "四期", "五期", "期小区");

    private static final int MAX_NAME = 12;

    private PlaceNames() {
    }

    /** The places named in a text, in order of appearance, each once (by key). */
    public static List<NamedPlace> in(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String s = normalise(text);
        Map<String, NamedPlace> found = new LinkedHashMap<>();
        List<int[]> spans = new ArrayList<>();
        int previousEnd = 0;
        int previousStart = -1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!isNameChar(c)) {
                previousEnd = i + 1;
                i++;
                continue;
            }
            Suffix suffix = suffixAt(s, i);
            if (suffix == null) {
                i++;
                continue;
            }
            int end = i + suffix.text().length();
            // A suffix right after a name continues it (魅力之城 + 小区); otherwise the name starts after the last one.
            int start = i == previousEnd && previousStart >= 0 ? previousStart
                    : leftEdge(s, i, Math.max(previousEnd, i - MAX_NAME));
            String raw = s.substring(start, end);
            NamedPlace place = place(raw, suffix, found);
            if (place != null) {
                // A longer name from the same start replaces the shorter one inside it (魅力之城 → 魅力之城小区).
                found.values().removeIf(p -> raw.startsWith(p.name()) && !raw.equals(p.name())
                        && spansFrom(spans, start));
                found.putIfAbsent(place.key(), place);
                spans.add(new int[] { start, end });
                previousStart = start;
            } else {
                previousStart = -1;
            }
            previousEnd = end;
            i = end;
        }
        return List.copyOf(found.values());
    }

    private static boolean spansFrom(List<int[]> spans, int start) {
        return spans.stream().anyMatch(sp -> sp[0] == start);
    }

    private static NamedPlace place(String raw, Suffix suffix, Map<String, NamedPlace> found) {
        String name = raw;
        String town = null;
        for (String bad : NOT_PLACES) {
            if (name.endsWith(bad) || name.startsWith(bad)) {
                return null;
            }
        }
        var inside = ADMIN_INSIDE.matcher(name);
        int cutAt = -1;
        while (inside.find()) {
            if (inside.end() <= name.length() - suffix.text().length()) {
                cutAt = inside.end();
            }
        }
        if (cutAt > 0) {
            name = name.substring(cutAt);
        }
        if (suffix.kind() != Kind.BUILDING) {
            // Digits in front of a name are counts, dates or line numbers (50米处, 3号线), not part of it.
            int lastDigit = -1;
            for (int k = 0; k < name.length() - suffix.text().length() - 1; k++) {
                if (Character.isDigit(name.charAt(k))) {
                    lastDigit = k;
                }
            }
            if (lastDigit >= 0) {
                name = name.substring(lastDigit + 1);
            }
        }
        var prefix = ADMIN_PREFIX.matcher(name);
        if (prefix.find() && prefix.end() < name.length() - suffix.text().length() + 1) {
            name = name.substring(prefix.end());
        }
        // A town or street office in front of a smaller place is a place of its own (春华镇金鼎村).
        if (suffix.kind() != Kind.TOWN) {
            int cut = townCut(name, suffix.text().length());
            if (cut > 0) {
                town = name.substring(0, cut);
                name = name.substring(cut);
            }
        }
        if (town != null) {
            NamedPlace t = build(town, Kind.TOWN, town.endsWith("街道") ? "街道" : town.substring(town.length() - 1));
            if (t != null) {
                found.putIfAbsent(t.key(), t);
            }
        }
        return build(name, suffix.kind(), suffix.text());
    }

    private static int townCut(String name, int suffixLength) {
        int limit = name.length() - suffixLength;
        for (String t : List.of("街道", "镇", "乡")) {
            int at = name.indexOf(t);
            if (at >= 2 && at + t.length() <= limit - 1 && at <= 5) {
                return at + t.length();
            }
        }
        return -1;
    }

    private static NamedPlace build(String name, Kind kind, String suffixText) {
        String core = name.substring(0, name.length() - suffixText.length());
        for (String legal : List.of("股份有限", "有限责任", "有限")) {
            if (core.endsWith(legal) && core.length() > legal.length() + 1) {
                core = core.substring(0, core.length() - legal.length());
            }
        }
        if (core.length() < 2 && !(kind == Kind.BUILDING && !core.isEmpty())) {
            return null;
        }
        if (GENERIC.contains(core) || GENERIC.contains(core.substring(core.length() - 1) + "")
                && core.length() <= 2 && kind != Kind.BUILDING) {
            return null;
        }
        for (String g : List.of("马", "道", "公", "铁", "水泥", "小", "物业", "房地产", "开发", "施工", "该", "新建")) {
            if (core.endsWith(g) && (kind == Kind.ROAD || kind == Kind.COMPANY || kind == Kind.ESTATE)
                    && (core.length() <= g.length() + 1 || g.length() > 1 && kind != Kind.ESTATE)) {
                return null;
            }
        }
        if (core.chars().allMatch(ch -> ch < 128) && kind != Kind.BUILDING) {
            return null;
        }
        String key = switch (kind) {
            case ESTATE -> strip(name, "小区");
            case COMMUNITY -> strip(strip(name, "社区"), "居委会");
            case VILLAGE -> strip(name, "委会");
            case TOWN -> strip(strip(name, "办事处"), "办");
            default -> name;
        };
        return new NamedPlace(name, kind, key);
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length() + 1
                ? name.substring(0, name.length() - suffix.length())
                : name;
    }

    private static final Map<Character, List<Suffix>> SUFFIXES_BY_FIRST = new java.util.HashMap<>();
    private static final Map<Character, List<String>> STOPS_BY_LAST = new java.util.HashMap<>();

    static {
        for (Suffix suffix : SUFFIXES) {
            SUFFIXES_BY_FIRST.computeIfAbsent(suffix.text().charAt(0), c -> new ArrayList<>()).add(suffix);
        }
        for (String w : LEFT_STOPS) {
            STOPS_BY_LAST.computeIfAbsent(w.charAt(w.length() - 1), c -> new ArrayList<>()).add(w);
        }
    }

    private static Suffix suffixAt(String s, int i) {
        for (Suffix suffix : SUFFIXES_BY_FIRST.getOrDefault(s.charAt(i), List.of())) {
            if (s.startsWith(suffix.text(), i)) {
                int end = i + suffix.text().length();
                String not = NOT_BEFORE.get(suffix.text());
                if (end < s.length() && not != null && not.indexOf(s.charAt(end)) >= 0) {
                    continue;
                }
                if (suffix.kind() == Kind.BUILDING && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))
                        || s.charAt(i - 1) > 127 && "一二三四五六七八九十".indexOf(s.charAt(i - 1)) < 0)) {
                    continue;
                }
                return suffix;
            }
        }
        return null;
    }

    private static int leftEdge(String s, int suffixStart, int limit) {
        int start = suffixStart;
        while (start > limit && isNameChar(s.charAt(start - 1))) {
            boolean stop = false;
            for (String w : STOPS_BY_LAST.getOrDefault(s.charAt(start - 1), List.of())) {
                if (start - w.length() >= limit && s.startsWith(w, start - w.length())) {
                    stop = true;
                    break;
                }
            }
            if (stop) {
                break;
            }
            start--;
        }
        return start;
    }

    private static boolean isNameChar(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '0' && c <= '9'
                || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** Full-width letters and digits as ASCII, so that "Ａ３区" and "A3区" read the same. */
    public static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return b.toString();
    }
}
