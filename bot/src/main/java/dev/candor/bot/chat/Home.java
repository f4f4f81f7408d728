package dev.candor.bot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's home: every feature's {@link HomeSection} in the order registered, with a divider between two. A section
 * that would take the home past {@link #MAX_BLOCKS} is left out whole, and so are the ones after it, because Slack
 * refuses a larger App Home and half a section would read as broken.
 */
public final class Home implements Handlers.HomeHandler {
    /** Slack's limit of blocks in a view. */
    public static final int MAX_BLOCKS = 100;

    static final String FALLBACK = "Your Candor home";

    private final List<HomeSection> sections;

    public Home(List<HomeSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** The home for this person; no blocks when no section has anything to show. */
    public Message compose(Actor actor) {
        List<Block> blocks = new ArrayList<>();
        for (HomeSection section : sections) {
            List<Block> part = section.blocks(actor);
            if (part.isEmpty()) {
                continue;
            }
            int divider = blocks.isEmpty() ? 0 : 1;
            if (blocks.size() + divider + part.size() > MAX_BLOCKS) {
                break;
            }
            if (divider == 1) {
                blocks.add(new Block.Divider());
            }
            blocks.addAll(part);
        }
        return new Message(FALLBACK, blocks);
    }

    @Override
    public Reply handle(HomeOpened opened) {
        Message home = compose(opened.actor());
        return home.blocks().isEmpty() ? Reply.none() : new Reply.Home(home);
    }
}
