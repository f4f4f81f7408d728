package dev.candor.storage.conversation;

/**
 * What Candor knows about reaching one person on one platform; {@code ReachDao#facts} reads it for many at once.
 *
 * @param platformUserId their account on the platform (Slack user id; Teams id or AAD object id), or null
 * @param hasDm Candor has a 1:1 conversation with them
 * @param inRoster Teams: they are a member of a team Candor is installed in
 * @param failure why the platform last refused to open a chat with them (cleared when one opens), or null
 */
public record ReachFacts(
        long personId,
        String name,
        boolean active,
        String platformUserId,
        boolean hasDm,
        boolean inRoster,
        String failure) {}
