package org.hotline.hotissue;

import java.time.Instant;
import java.util.List;

/**
 * One hot issue as it stands: the place it is about, a short description (the subject of its most typical
 * appeal), its appeals in order of arrival, and its heat as of a moment.
 */
public record HotIssue(long id, String place, NamedPlace.Kind placeKind, String description, List<String> appeals,
        Instant first, Instant last, Heat heat) {

    public int size() {
        return appeals.size();
    }
}
