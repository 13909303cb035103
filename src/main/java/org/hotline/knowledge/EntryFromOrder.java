package org.hotline.knowledge;

import java.util.List;

import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Reply;
import org.hotline.workorder.WorkOrder;

/**
 * A closed order's good reply as a draft entry, in one action: the title from the appeal (its first sentence),
 * the answer from the last public reply (or the answer given at intake), the unit that led it; the citizen taken
 * out of all of it ({@link CitizenDataMask}). It is a draft: an editor completes it (policy basis, keywords,
 * validity) and a publisher reviews it before anyone is offered it.
 */
public final class EntryFromOrder {

    /** A title longer than this is cut (at the end of a clause where there is one). */
    static final int TITLE_CHARS = 40;

    /** What the draft starts with. */
    public record Draft(String title, String answer, UnitId unit) {
    }

    private EntryFromOrder() {
    }

    /** Only a closed order's answer has passed review and the callback, or was given at intake. */
    public static Decision mayTurnIntoEntry(WorkOrder order) {
        if (order.status() != OrderStatus.CLOSED) {
            return Decision.rejected("knowledge-order-not-closed", "只有已办结工单的答复可以转为知识条目");
        }
        return answer(order) == null
                ? Decision.rejected("knowledge-order-without-answer", "该工单没有可用的答复")
                : Decision.allowed();
    }

    public static Draft draft(WorkOrder order) {
        String address = order.location() == null ? null : order.location().address();
        String title = CitizenDataMask.mask(title(order.content()), order.citizen(), address);
        String answer = CitizenDataMask.mask(answer(order), order.citizen(), address);
        return new Draft(title, answer, order.leadUnit());
    }

    /** The public reply the citizen last got, or the answer given at intake. */
    static String answer(WorkOrder order) {
        List<Reply> replies = order.replies();
        for (int i = replies.size() - 1; i >= 0; i--) {
            String text = replies.get(i).publicReply();
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return order.intakeAnswer() == null || order.intakeAnswer().isBlank() ? null : order.intakeAnswer().strip();
    }

    /** The appeal's first sentence, at most {@link #TITLE_CHARS} characters. */
    static String title(String content) {
        String text = content.strip();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if ("。！？!?\n".indexOf(text.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        String sentence = text.substring(0, end).strip();
        if (sentence.length() <= TITLE_CHARS) {
            return sentence.isEmpty() ? text.substring(0, Math.min(TITLE_CHARS, text.length())) : sentence;
        }
        int cut = TITLE_CHARS;
        for (int i = TITLE_CHARS - 1; i >= TITLE_CHARS / 2; i--) {
            if ("，,；;：:".indexOf(sentence.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
            cut--;
        }
        return sentence.substring(0, cut);
    }
}
