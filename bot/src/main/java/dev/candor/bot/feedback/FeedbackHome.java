package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.HomeSection;
import dev.candor.bot.chat.Text;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackDao;
import dev.candor.storage.feedback.FeedbackTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Feedback's section of the home: the latest feedback the person received and may read, how much they received and
 * gave lately, a button to give some, and for managers the way to their team's figures. Only the person's own
 * feedback appears: what was meant for their manager alone is neither shown nor counted.
 */
final class FeedbackHome implements HomeSection {
    /** The "Give feedback" button; {@link FeedbackHandler} answers it with the form. */
    static final String GIVE = "feedback.give";
    /** The "Ask for feedback" button; {@link FeedbackHandler} answers it with the request form. */
    static final String ASK = "feedback.ask";

    static final int SHOWN = 3;
    static final Duration PERIOD = Duration.ofDays(90);

    private final Jdbi jdbi;
    private final Clock clock;

    FeedbackHome(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public List<Block> blocks(Actor actor) {
        Instant since = clock.instant().minus(PERIOD);
        FeedbackTally tally =
                jdbi.withExtension(FeedbackDao.class, dao -> dao.countOwn(actor.orgId(), actor.personId(), since));
        List<Feedback> latest = jdbi.withExtension(
                FeedbackDao.class,
                dao -> dao.listReceived(actor.orgId(), actor.personId(), null, Instant.EPOCH, SHOWN));
        return section(actor, tally, latest);
    }

    /** The section from the person's figures and the latest feedback they received ({@code latest}, readable). */
    static List<Block> section(Actor actor, FeedbackTally tally, List<Feedback> latest) {
        String feedback = FeedbackMessages.feedback(actor.platform());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your feedback"));
        blocks.add(new Block.Fields(List.of(
                new Block.Field("Received, last 90 days", Text.of(Integer.toString(tally.received()))),
                new Block.Field("Given, last 90 days", Text.of(Integer.toString(tally.given()))))));
        blocks.add(
                new Block.Section(Text.builder().strong("Latest you received").build()));
        blocks.addAll(FeedbackReading.items(latest, actor, true));
        blocks.add(new Block.Buttons(List.of(
                new Block.Button(GIVE, "Give feedback", "home", Block.ButtonStyle.PRIMARY),
                new Block.Button(ASK, "Ask for feedback", "home", Block.ButtonStyle.DEFAULT))));
        blocks.add(new Block.Context(Text.of(feedback + " me shows more, by person and period.")));
        if (tally.managesPeople()) {
            blocks.add(new Block.Context(
                    Text.of(feedback + " team shows how much feedback each of your reports received and gave.")));
        }
        return blocks;
    }
}
