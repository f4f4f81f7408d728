package dev.candor.storage.checkin;

/**
 * A check-in setup as HR sees it: numbers only.
 *
 * @param size how many people its latest round asked (0 before its first round)
 * @param asked asks over its last four rounds, leaving out people who were away or couldn't be reached
 * @param answered of those, how many were answered
 */
public record SetupRates(long checkinId, String name, String ownerName, int size, int rounds, int asked, int answered) {

    /** Whole percent answered, or -1 when nobody was asked yet. */
    public int ratePercent() {
        return asked == 0 ? -1 : Math.round(100f * answered / asked);
    }
}
