package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.HomeSection;
import dev.candor.bot.chat.Text;
import dev.candor.storage.goal.Goal;
import java.util.ArrayList;
import java.util.List;

/** Goals' section of the home: the person's goals of this cycle with progress, and Add a goal. */
final class GoalHome implements HomeSection {
    /** The "Add a goal" button; {@link GoalsHandler} answers it with the form. */
    static final String ADD = "goal.add";

    static final int SHOWN = 3;

    private final Goals goals;

    GoalHome(Goals goals) {
        this.goals = goals;
    }

    @Override
    public List<Block> blocks(Actor actor) {
        return section(actor, goals.cycle(actor).name(), goals.ownedBy(actor, actor.personId()));
    }

    static List<Block> section(Actor actor, String cycle, List<Goal> mine) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your goals · " + cycle));
        if (mine.isEmpty()) {
            blocks.add(new Block.Context(Text.of("No goals yet this cycle.")));
        }
        for (Goal goal : mine.subList(0, Math.min(mine.size(), SHOWN))) {
            blocks.addAll(GoalMessages.progress(goal));
        }
        List<Block.Button> buttons = new ArrayList<>();
        buttons.add(new Block.Button(ADD, "Add a goal", "home", Block.ButtonStyle.PRIMARY));
        blocks.add(new Block.Buttons(buttons));
        String more = mine.size() > SHOWN ? (mine.size() - SHOWN) + " more, and " : "";
        blocks.add(new Block.Context(Text.of(GoalMessages.capitalised(more + GoalMessages.goals(actor.platform())
                + " shows each with its Update button; " + GoalMessages.goals(actor.platform()) + " company the"
                + " company's."))));
        return blocks;
    }
}
