package org.hotline.quality;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;

/**
 * Which replies the center calls back. Every citizen with a number is called unless their order's category is
 * configured to be called back only in part (a share between 0 and 1, first matching category wins, the default
 * share otherwise), in which case each order is drawn at random with that chance. Citizens who asked for
 * confidentiality are called like everyone else. Orders with nobody to call (a channel without a caller, such as
 * a patrol report by a grid worker, or no phone number at all) are not called and close after review with that
 * reason.
 */
public final class CallbackSelection {

    /** A share of a category (and everything below it) to call back. */
    public record Share(String category, double share) {

        public Share {
            Objects.requireNonNull(category, "category");
            category = category.strip().endsWith(".*") ? category.strip().substring(0, category.strip().length() - 2)
                    : category.strip();
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("A callback share is between 0 and 1: " + share);
            }
        }

        boolean matches(String code) {
            return code != null && (code.equals(category) || code.startsWith(category + "."));
        }
    }

    private final List<Share> shares;
    private final double defaultShare;
    private final Set<Channel> channelsWithoutCitizen;

    public CallbackSelection(List<Share> shares, double defaultShare, Set<Channel> channelsWithoutCitizen) {
        if (!(defaultShare >= 0 && defaultShare <= 1)) {
            throw new IllegalArgumentException("The default callback share is between 0 and 1: " + defaultShare);
        }
        this.shares = List.copyOf(shares == null ? List.of() : shares);
        this.defaultShare = defaultShare;
        this.channelsWithoutCitizen = Set.copyOf(channelsWithoutCitizen == null ? Set.of() : channelsWithoutCitizen);
    }

    /**
     * @param uniform a source of uniform numbers in [0, 1), asked only when the category is called back in part
     */
    public CallbackPlan plan(Channel channel, Citizen citizen, String categoryCode, DoubleSupplier uniform) {
        if (!hasSomeoneToCall(channel, citizen)) {
            return CallbackPlan.NO_CONTACT;
        }
        double share = shareOf(categoryCode);
        if (share >= 1) {
            return CallbackPlan.CALL;
        }
        return uniform.getAsDouble() < share ? CallbackPlan.CALL : CallbackPlan.NOT_SAMPLED;
    }

    /** The share of orders of this category that are called back. */
    public double shareOf(String categoryCode) {
        return shares.stream().filter(s -> s.matches(categoryCode)).findFirst().map(Share::share).orElse(defaultShare);
    }

    /** A citizen with a valid number who reached the hotline through a channel that has a caller. */
    public boolean hasSomeoneToCall(Channel channel, Citizen citizen) {
        return !channelsWithoutCitizen.contains(channel) && citizen != null && Citizen.isValidPhone(citizen.phone());
    }
}
