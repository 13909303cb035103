package org.hotline.patrol;

/**
 * A field reporter's counts against the quota: today's and the month's reports, what is missing of each quota, and
 * the reporter's place in the town by the month's count (1 is the most; equal counts share a place).
 */
public record ReporterTally(String reporter, String name, boolean enabled, int today, int month, int dailyQuota,
        int monthlyQuota, int dailyShortfall, int monthlyShortfall, int rank) {
}
