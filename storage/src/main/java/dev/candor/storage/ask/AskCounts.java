package dev.candor.storage.ask;

/** How a round's asks stand. */
public record AskCounts(int pending, int answered, int skipped, int expired) {

    public int total() {
        return pending + answered + skipped + expired;
    }
}
