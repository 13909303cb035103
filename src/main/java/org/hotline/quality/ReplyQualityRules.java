package org.hotline.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.hotissue.NamedPlace;
import org.hotline.hotissue.PlaceNames;

/**
 * Scores a public reply against the appeal it answers (README "Reply quality"):
 *
 * <ul>
 * <li><b>Relevance</b> (25): half for naming the places the appeal names, half for taking up the words of its
 * subject (the share of the subject's character pairs found in the reply, full at one half).
 * <li><b>Completeness</b> (40): 8 points for each of what was found (经调查, 经核实, 现场查看...), what was done
 * (已责令, 已督促, 已清理...), the legal or policy basis (根据, 依据, 《...》, 规定...), the result (目前, 现已,
 * 预计...), and a contact or next step (联系电话, 如有疑问, 下一步...).
 * <li><b>Timeliness</b> (15): full within the reply limit in working days (the deadline module's calendar), then
 * 1.5 points less for each working day over, none after ten.
 * <li><b>Form</b> (20): 5 for courtesy (您好, 感谢...), 15 for a reply that says more than the platform's stock
 * phrases. A mobile or ID number or an internal note in the public text fails form outright (0 points): the
 * reply is public, and the numbers are a citizen's own (a number the unit offers as its contact, after
 * 联系电话 or 联系人, is not a leak).
 * </ul>
 *
 * Each part keeps the evidence it found, in Chinese, for the reviewer.
 */
public final class ReplyQualityRules {

    /** What the scorer reads: the appeal, the public reply and when each was made. */
    public record Reply(String appealSubject, String appealContent, Instant appealedAt, String publicReply,
            Instant repliedAt) {

        public Reply {
            appealSubject = appealSubject == null ? "" : appealSubject;
            appealContent = appealContent == null ? "" : appealContent;
            publicReply = publicReply == null ? "" : publicReply;
        }
    }

    private record Element(String label, Pattern pattern) {
    }

    private static final List<Element> COMPLETENESS = List.of(
            new Element("调查核实", Pattern.compile(
                    "经(?:调查|核实|核查|查|了解|现场|走访|排查|检测|勘查|初步)|调查(?:了解|核实|发现|情况)|核实(?:情况|后)|现场(?:查看|核查|检查|勘查|调查)|查明|反映(?:情况)?(?:基本)?(?:属实|不属实)|情况属实|实地(?:查看|走访|调查)")),
            new Element("处理措施", Pattern.compile(
                    "已(?:责令|督促|要求|安排|组织|协调|约谈|立案|下达|清理|拆除|处理|整改|完成|修复|更换|疏通|联系|与|对|将|对接|派|会同|函告|通知|暂停|查封|扣押|罚款)|责令|督促|限期整改|立案调查|依法(?:查处|处理|处罚)|进行了|采取了?|作出(?:了)?(?:行政)?处罚")),
            new Element("政策依据", Pattern.compile(
                    "根据|依据|按照|依照|《[^》]{2,40}》|规定|条例|办法|实施意见|第[一二三四五六七八九十百零〇0-9]+条|政策")),
            new Element("办理结果", Pattern.compile(
                    "目前|现已|已经|已于|预计|将于|已完成|完工|恢复|解决|办结|整改到位|已退还|已支付|已到位|到位|结果|现场已")),
            new Element("联系方式或下一步", Pattern.compile(
                    "联系电话|咨询电话|联系人|电话[:：]?\\s*[0-9]|如有(?:疑问|问题|需要)|可(?:致电|联系|拨打|前往|到|咨询|向)|下一步|后续|将(?:继续|持续|加强|进一步|跟踪|督促)|持续(?:跟踪|关注|督促)|跟踪|回访")));

    private static final Pattern COURTESY = Pattern.compile("您好|你好|感谢|谢谢|致歉|抱歉|敬请|理解|支持|关心");

    /** The platform's stock phrases: a reply that is nothing else says nothing. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "网友|您好|你好|市民|同志|朋友|先生|女士|：|:|，|,|。|！|!|感谢|谢谢|您|你|的|留言|来信|反映|已收悉|收悉|关于|现将|有关|情况|答复|回复|如下|"
                    + "已转|转交|转至|转|相关|有关|职能|部门|单位|处理|办理|予以|进行|核实|关注|支持|信任|工作|我们|问题|该|此|已|将|请|耐心|等待|"
                    + "在平台|平台|栏目|问政|西地省|书记|市长|留言板|年|月|日|[0-9]+|[A-Z][0-9]*[市区县]|“[^”]*”|\"[^\"]*\"|\\s");

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern OFFERED_CONTACT = Pattern.compile("联系电话|联系方式|咨询电话|联系人|办公电话|值班电话|热线");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
    private static final Pattern INTERNAL = Pattern.compile(
            "内部(?:意见|备注|资料|掌握|处理意见)|仅供内部|不宜公开|不予公开|领导批示|备注[:：]|内部使用|【内部】|\\[内部\\]");

    private final WorkingCalendar calendar;
    private final int replyDays;

    /** @param replyDays the reply limit in working days ({@code hotline.deadline.handle-days}) */
    public ReplyQualityRules(WorkingCalendar calendar, int replyDays) {
        this.calendar = calendar;
        this.replyDays = replyDays;
    }

    public ReplyQuality score(Reply reply) {
        List<String> failures = new ArrayList<>();
        List<ReplyQuality.Part> parts = List.of(relevance(reply), completeness(reply, failures), timeliness(reply),
                form(reply, failures));
        return ReplyQuality.of(parts, failures);
    }

    private ReplyQuality.Part relevance(Reply r) {
        List<String> evidence = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        // The places of the subject when it names any: the content names many places in passing.
        List<NamedPlace> inSubject = PlaceNames.in(r.appealSubject());
        for (NamedPlace p : inSubject.isEmpty() ? PlaceNames.in(head(r.appealContent())) : inSubject) {
            if (p.kind().locates()) {
                asked.add(p.key());
            }
        }
        String text = PlaceNames.normalise(r.publicReply());
        Set<String> named = new LinkedHashSet<>();
        for (String key : asked) {
            if (text.contains(key)) {
                named.add(key);
            }
        }
        Set<Integer> subject = pairs(r.appealSubject().isBlank() ? head(r.appealContent()) : r.appealSubject());
        Set<Integer> replied = pairs(text);
        long found = subject.stream().filter(replied::contains).count();
        double wordShare = subject.isEmpty() ? 0 : (double) found / subject.size();
        double words = Math.min(1, wordShare / 0.5);
        double places = asked.isEmpty() ? words : (double) named.size() / asked.size();
        int points = (int) Math.round(12.5 * places + 12.5 * words);
        if (asked.isEmpty()) {
            evidence.add("诉求未写明具体地点");
        } else if (named.isEmpty()) {
            evidence.add("未提及诉求中的地点：" + String.join("、", limit(asked, 3)));
        } else {
            evidence.add("提及地点：" + String.join("、", limit(named, 3)));
        }
        evidence.add(String.format("回应了诉求标题 %d%% 的用语", Math.round(wordShare * 100)));
        return new ReplyQuality.Part(ReplyQuality.Aspect.RELEVANCE, points, evidence, false);
    }

    private ReplyQuality.Part completeness(Reply r, List<String> failures) {
        List<String> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int points = 0;
        String text = r.publicReply();
        for (Element e : COMPLETENESS) {
            Matcher m = e.pattern().matcher(text);
            if (m.find()) {
                points += 8;
                evidence.add(e.label() + "：“" + around(text, m.start(), m.end()) + "”");
            } else {
                missing.add(e.label());
            }
        }
        if (!missing.isEmpty()) {
            evidence.add("缺少：" + String.join("、", missing));
        }
        if (points <= 8) {
            failures.add("答复内容不完整，缺少" + String.join("、", missing));
        }
        return new ReplyQuality.Part(ReplyQuality.Aspect.COMPLETENESS, points, evidence, points <= 8);
    }

    private ReplyQuality.Part timeliness(Reply r) {
        if (r.appealedAt() == null || r.repliedAt() == null) {
            return new ReplyQuality.Part(ReplyQuality.Aspect.TIMELINESS, 15, List.of("无诉求或答复时间，不计"), false);
        }
        LocalDate from = r.appealedAt().atZone(calendar.zone()).toLocalDate();
        LocalDate to = r.repliedAt().atZone(calendar.zone()).toLocalDate();
        int days = Math.max(0, calendar.workingDaysBetween(from, to));
        int over = days - replyDays;
        int points = over <= 0 ? 15 : (int) Math.max(0, Math.round(15 - 1.5 * over));
        List<String> evidence = new ArrayList<>();
        evidence.add("用时 " + days + " 个工作日（时限 " + replyDays + " 个）");
        if (!calendar.yearsWithData().contains(from.getYear())) {
            evidence.add(from.getYear() + " 年无节假日安排，仅按周末计");
        }
        return new ReplyQuality.Part(ReplyQuality.Aspect.TIMELINESS, points, evidence, false);
    }

    private ReplyQuality.Part form(Reply r, List<String> failures) {
        List<String> evidence = new ArrayList<>();
        String text = r.publicReply();
        int points = 0;
        Matcher courtesy = COURTESY.matcher(text);
        if (courtesy.find()) {
            points += 5;
            evidence.add("礼貌用语：“" + courtesy.group() + "”");
        } else {
            evidence.add("无礼貌用语");
        }
        String substance = BOILERPLATE.matcher(text).replaceAll("");
        boolean boilerplateOnly = substance.length() < 15;
        if (boilerplateOnly) {
            evidence.add("只有套话，没有实质内容");
            failures.add("答复只有套话（如“已转相关部门”），没有说明办理情况");
        } else {
            points += 15;
        }
        List<String> leaks = new ArrayList<>();
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            // A number the unit offers as its contact is fine; any other mobile number is someone's own.
            String before = text.substring(Math.max(0, mobile.start() - 8), mobile.start());
            if (!OFFERED_CONTACT.matcher(before).find()) {
                leaks.add("手机号码 " + mask(mobile.group()));
                break;
            }
        }
        Matcher id = ID_NUMBER.matcher(text);
        if (id.find()) {
            leaks.add("身份证号码 " + mask(id.group()));
        }
        Matcher internal = INTERNAL.matcher(text);
        if (internal.find()) {
            leaks.add("内部信息“" + internal.group() + "”");
        }
        if (!leaks.isEmpty()) {
            evidence.add("公开答复中含有" + String.join("、", leaks));
            failures.add("公开答复泄露" + String.join("、", leaks));
            points = 0;
        }
        return new ReplyQuality.Part(ReplyQuality.Aspect.FORM, points, evidence, boilerplateOnly || !leaks.isEmpty());
    }

    private static Set<Integer> pairs(String s) {
        Set<Integer> out = new HashSet<>();
        for (int i = 1; i < s.length(); i++) {
            char a = s.charAt(i - 1);
            char b = s.charAt(i);
            if (han(a) && han(b)) {
                out.add(a << 16 | b);
            }
        }
        return out;
    }

    private static boolean han(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    private static String head(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40);
    }

    private static List<String> limit(Set<String> s, int n) {
        return s.stream().limit(n).toList();
    }

    private static String around(String text, int start, int end) {
        int from = Math.max(0, start - 4);
        int to = Math.min(text.length(), end + 8);
        return text.substring(from, to).replaceAll("\\s+", " ");
    }

    private static String mask(String number) {
        return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
    }
}
