package dev.candor.storage.feedback;

/**
 * One message of a speak-up thread, in order; the first is what the author sent.
 *
 * @param senderId the reader who wrote it, or null for the anonymous author
 * @param senderName the reader's name, or null
 */
public record SpeakUpMessage(int seq, Long senderId, String senderName, String body) {
    public boolean fromAuthor() {
        return senderId == null;
    }
}
