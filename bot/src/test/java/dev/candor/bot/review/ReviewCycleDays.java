package dev.candor.bot.review;

import java.util.Map;

/**
 * The review form's fields for a cycle with every phase, as the whole-cycle tests fill it on either platform: a
 * second half of 2026 reviewed from Monday 4 January 2027, the nomination that week, peer and manager reviews from
 * Thursday, sharing the week of the 18th.
 */
public final class ReviewCycleDays {
    private ReviewCycleDays() {}

    public static Map<String, String> everyPhase(String name) {
        return Map.ofEntries(
                Map.entry("name", name),
                Map.entry("period_from", "2026-07-01"),
                Map.entry("period_to", "2026-12-31"),
                Map.entry("self_opens", "2027-01-04"),
                Map.entry("self_due", "2027-01-08"),
                Map.entry("peers_opens", "2027-01-04"),
                Map.entry("peers_due", "2027-01-06"),
                Map.entry("peer_opens", "2027-01-07"),
                Map.entry("peer_due", "2027-01-13"),
                Map.entry("manager_opens", "2027-01-07"),
                Map.entry("manager_due", "2027-01-15"),
                Map.entry("sharing_opens", "2027-01-18"),
                Map.entry("sharing_due", "2027-01-22"));
    }
}
