package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalDao;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Closing a cycle: each owner gets one DM listing their goals of it with a Score button each, whose form takes the
 * final score (0–100 %, the progress to start with) and a one-line retrospective.
 */
final class GoalClosing {
    static final String SCORE = "goal.score";
    static final String FINAL = "final";
    static final String RETROSPECTIVE = "retrospective";

    private final Jdbi jdbi;
    private final Clock clock;

    GoalClosing(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Queues the DMs; returns how many owners were asked. */
    static int askForScores(Handle handle, long orgId, GoalCycle cycle) {
        Map<Long, List<Goal>> byOwner = new LinkedHashMap<>();
        for (Goal goal : handle.attach(GoalDao.class).listOfCycle(orgId, cycle.id())) {
            goal.ownerIds().forEach(owner -> byOwner.computeIfAbsent(owner, id -> new ArrayList<>())
                    .add(goal));
        }
        List<Outbox.UserMessage> messages = new ArrayList<>();
        for (Contact contact : handle.attach(ContactDao.class).list(orgId, List.copyOf(byOwner.keySet()))) {
            if (contact.platformUserId() != null) {
                messages.add(new Outbox.UserMessage(
                        orgId,
                        contact.platform(),
                        contact.platformUserId(),
                        "goal-close:" + cycle.id() + ":" + contact.personId(),
                        ask(cycle, byOwner.get(contact.personId()))));
            }
        }
        if (!messages.isEmpty()) {
            Outbox.toUsers(handle, messages);
        }
        return byOwner.size();
    }

    static Message ask(GoalCycle cycle, List<Goal> goals) {
        String headline = "🏁 " + cycle.name() + " is closed. How did your goals end?";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        for (Goal goal : goals.subList(0, Math.min(goals.size(), GoalMessages.SHOWN))) {
            blocks.addAll(GoalMessages.progress(goal));
            blocks.add(new Block.Buttons(
                    List.of(new Block.Button(SCORE, "Score it", Long.toString(goal.id()), Block.ButtonStyle.PRIMARY))));
        }
        blocks.add(new Block.Context(Text.of("A final score from 0 to 100 % and one line on what you learnt; your"
                + " manager and HR see the scores in the export.")));
        return new Message(headline, blocks);
    }

    static Form form(Goal goal) {
        return new Form(
                SCORE,
                "Final score",
                "Save",
                GoalMessages.progress(goal),
                List.of(
                        new Form.NumberInput(
                                FINAL,
                                "Final score (%)",
                                BigDecimal.ZERO,
                                BigDecimal.valueOf(100),
                                0,
                                true,
                                Integer.toString(goal.progress()),
                                null),
                        new Form.TextInput(
                                RETROSPECTIVE,
                                "In one line: what did you learn?",
                                "We shipped late because…",
                                false,
                                false,
                                null,
                                300)),
                Long.toString(goal.id()));
    }

    Reply score(Actor actor, Goal goal, FormSubmission form) {
        int score;
        try {
            score = new BigDecimal(form.text(FINAL).replace(',', '.')).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            score = -1;
        }
        if (score < 0 || score > 100) {
            return new Reply.FormErrors(Map.of(FINAL, "A whole number from 0 to 100."));
        }
        String line = form.text(RETROSPECTIVE);
        int chosen = score;
        jdbi.useHandle(handle -> handle.attach(GoalDao.class)
                .score(actor.orgId(), goal.id(), chosen, line.isEmpty() ? null : line, clock.instant()));
        return Reply.privately("✅ " + goal.title() + ": final score " + score + " %"
                + (line.isEmpty() ? "." : ", with your line on what you learnt."));
    }
}
