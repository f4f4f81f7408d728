package dev.candor.scheduler.recognition;

import dev.candor.storage.recognition.Highlight;
import dev.candor.storage.recognition.ValueCount;
import dev.candor.storage.recognition.WeekTotals;
import java.util.List;

/**
 * What a weekly digest reports. Totals and values count every kudos of the organisation, private ones included
 * (numbers reveal nothing); highlights quote only public ones.
 */
public record WeekInReview(WeekTotals totals, List<ValueCount> topValues, List<Highlight> highlights) {

    public WeekInReview {
        topValues = List.copyOf(topValues);
        highlights = List.copyOf(highlights);
    }

    /** Nobody received a kudos this week. */
    public boolean isQuiet() {
        return totals.kudos() == 0;
    }
}
