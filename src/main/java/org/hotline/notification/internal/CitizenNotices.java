package org.hotline.notification.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;

/**
 * What the citizen is told, and whether at all. The texts are fixed templates that carry the order number and the
 * address of the public case lookup, nothing else: never the citizen's name, the appeal, a unit or an internal
 * note, since a text message is read on a lock screen and forwarded. The reply itself is read on the lookup
 * page, behind the phone's last four digits.
 *
 * <p>Who is told: the citizen's own mobile number, and nobody else. An anonymous citizen (no phone) and a
 * landline get nothing; a patrol order has a field reporter behind it, not a citizen. A confidential citizen is
 * told like anyone (it is their own phone), and the texts never name anyone. With the e-mail channel on, a citizen
 * who gave an e-mail address (Open311's {@code email}) is also written to there, with the same facts; one who gave
 * no mobile number cannot use the case lookup (it asks for the phone's last four digits), so their mail points to
 * the app they filed with.
 */
final class CitizenNotices {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private CitizenNotices() {
    }

    /** The mobile number to text about an order of this channel and citizen, if there is one to text. */
    static Optional<String> recipient(Channel channel, Citizen citizen) {
        if (channel == Channel.PATROL || citizen == null || citizen.phone() == null) {
            return Optional.empty();
        }
        return Citizen.normalisePhone(citizen.phone()).filter(p -> MOBILE.matcher(p).matches());
    }

    static String registered(String number, String publicUrl) {
        return "【12345】您的诉求已受理，工单编号 " + number + "。可凭工单编号和手机号后 4 位在 " + lookup(publicUrl)
                + " 查询办理进度。";
    }

    static String replied(String number, String publicUrl) {
        return "【12345】您的诉求（工单编号 " + number + "）已有答复，请凭工单编号和手机号后 4 位在 " + lookup(publicUrl)
                + " 查看答复内容。";
    }

    static String satisfaction(String number) {
        return "【12345】请对工单 " + number + " 的办理结果作出评价：回访人员将与您联系，您也可拨打 12345 反馈满意、基本满意或不满意。";
    }

    // ---------------------------------------------------------------- e-mail

    /**
     * The e-mail address to write to about an order: an address its channel collected (checked again here, since
     * it becomes a mail header), and none for a patrol order. Longer addresses than the outbox keeps are left out.
     */
    static Optional<String> emailRecipient(Channel channel, Optional<String> address) {
        if (channel == Channel.PATROL) {
            return Optional.empty();
        }
        return address.map(String::strip).filter(a -> a.length() <= 200 && EMAIL.matcher(a).matches());
    }

    static String registeredEmail(String number, String publicUrl, boolean hasMobile) {
        return "您好：\n\n您向 12345 市民热线提交的诉求已受理，工单编号 " + number + "。\n\n" + whereToFollow(publicUrl, hasMobile)
                + SIGNATURE;
    }

    static String repliedEmail(String number, String publicUrl, boolean hasMobile) {
        return "您好：\n\n您的诉求（工单编号 " + number + "）已有答复。\n\n" + whereToFollow(publicUrl, hasMobile) + SIGNATURE;
    }

    static String satisfactionEmail(String number) {
        return "您好：\n\n请对工单 " + number + " 的办理结果作出评价：回访人员将与您联系，您也可拨打 12345 反馈满意、基本满意或不满意。"
                + "\n" + SIGNATURE;
    }

    /** The case lookup needs the phone's last four digits: a citizen who gave no mobile number follows it in their app. */
    private static String whereToFollow(String publicUrl, boolean hasMobile) {
        return hasMobile ? "可凭工单编号和手机号后 4 位在 " + lookup(publicUrl) + " 查询办理进度和答复内容。\n"
                : "办理进度和答复内容可在您提交诉求所用的应用中查看。\n";
    }

    private static final String SIGNATURE = "\n此邮件由系统自动发送，请勿直接回复。\n12345 市民热线";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:]+");

    private static String lookup(String publicUrl) {
        return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/cases";
    }
}
