package dev.candor.storage.recognition;

import java.time.Instant;
import java.util.List;

/**
 * A public kudos worth showing in a digest.
 *
 * @param recipientNames the recipients' names, alphabetically
 * @param plusOnes how many people joined it with a +1 in the period
 */
public record Highlight(
        long kudosId, String giverName, List<String> recipientNames, String message, int plusOnes, Instant createdAt) {

    public Highlight {
        recipientNames = List.copyOf(recipientNames);
    }
}
