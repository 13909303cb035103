package org.hotline.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotline.workorder.Citizen;

/**
 * Takes the citizen out of a text that is about to become a knowledge entry, which operators read out and
 * citizens read on the public site: the citizen's name (and the way replies address them, 王先生, 王女士) becomes
 * 市民, their phone number in any spelling and every mobile number are masked as everywhere else (138****1234),
 * ID card numbers go whole, the order's address becomes 该地址 and door numbers lose their digits (6号楼2单元301室 →
 * *号楼*单元*室). A unit's public landline stays: it is part of the answer.
 */
public final class CitizenDataMask {

    /** Replaces the citizen's name. */
    static final String CITIZEN = "市民";
    /** Replaces the order's address. */
    static final String ADDRESS = "该地址";

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern DOOR = Pattern.compile("\\d+(?=\\s*(号楼|栋|幢|单元|室|户|层))");
    /** How replies address a citizen after their surname. */
    private static final List<String> HONORIFICS = List.of("先生", "女士", "小姐", "同志", "大爷", "大妈", "阿姨", "师傅",
            "老师", "老人");
    /** Names that stand for nobody. */
    private static final Set<String> NOBODY = Set.of("匿名", "市民", "群众", "网友", "未知", "不详");

    private CitizenDataMask() {
    }

    /** The text without the citizen: see the class comment. {@code address} may be null. */
    public static String mask(String text, Citizen citizen, String address) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (citizen != null) {
            for (String name : names(citizen.name())) {
                out = out.replace(name, CITIZEN);
            }
            if (citizen.phone() != null) {
                for (String spelling : Citizen.normalisePhone(citizen.phone()).map(Citizen::spellings)
                        .orElse(List.of(citizen.phone()))) {
                    out = out.replace(spelling, Citizen.mask(spelling));
                }
            }
        }
        if (address != null && address.strip().length() >= 2) {
            out = out.replace(address.strip(), ADDRESS);
        }
        out = ID_CARD.matcher(out).replaceAll("******");
        out = MOBILE.matcher(out).replaceAll(m -> Citizen.mask(m.group()));
        out = DOOR.matcher(out).replaceAll("*");
        return out;
    }

    /**
     * The ways a text may name the citizen, longest first: the name as registered, and when it is a person's
     * name, their surname with an honorific (王先生). "匿名" and the like name nobody.
     */
    static List<String> names(String name) {
        List<String> names = new ArrayList<>();
        if (name == null) {
            return names;
        }
        String n = name.strip();
        if (n.length() < 2 || NOBODY.contains(n)) {
            return names;
        }
        names.add(n);
        String surname = n.substring(0, 1);
        if (Character.UnicodeScript.of(surname.codePointAt(0)) == Character.UnicodeScript.HAN) {
            HONORIFICS.forEach(h -> names.add(surname + h));
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }
}
