package dev.candor.storage.ask;

/**
 * One message of an answer thread, in order.
 *
 * @param senderId the named writer (HR), or null for the anonymous author
 * @param senderName the named writer's name, or null
 */
public record ThreadMessage(int seq, Long senderId, String senderName, String body) {
    public boolean fromAuthor() {
        return senderId == null;
    }
}
