package org.hotline.workorder;

/** Where the problem is: the address as the citizen said it, and coordinates when a channel gives them. */
public record Location(String address, Double latitude, Double longitude) {

    public static Location none() {
        return new Location(null, null, null);
    }
}
