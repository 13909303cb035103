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
 * told like anyone (it is their own phone), and the texts never name anyone.
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

    private static String lookup(String publicUrl) {
        return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/cases";
    }
}
