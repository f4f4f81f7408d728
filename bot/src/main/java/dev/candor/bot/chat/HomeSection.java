package dev.candor.bot.chat;

import java.util.List;

/**
 * A feature's part of a person's home: the Slack App Home tab, and in Teams the welcome card of the personal chat.
 * Features register sections with {@link ConversationRouter.Builder#homeSection}; the home shows them in that order,
 * divided ({@link Home}).
 */
@FunctionalInterface
public interface HomeSection {
    /**
     * This person's part of the home, or an empty list when the feature has nothing to show them. Personal: a home is
     * only ever shown to the person it is for.
     */
    List<Block> blocks(Actor actor);
}
