package dev.candor.bot.ask;

import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.ask.RoundListener;
import dev.candor.storage.ask.Round;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * A feature that asks people questions through the engine (check-ins, surveys, …), registered once by its name with
 * {@link AskFeatures#register}. The engine calls it for its own rounds only ({@link Round#feature()} is its name);
 * {@link RoundListener#answered} and {@link RoundListener#closed} run inside the engine's transaction.
 */
public interface AskFeature extends RoundListener {

    /** The name its rounds are stored under, e.g. {@code checkin}: lower case, no dots. */
    String name();

    /** What the ask DM and form say for this round: its title and who asked. */
    AskText text(Handle handle, Round round);

    /**
     * What to add to the DMs of these asks of one of its rounds (their first DM, or reminder {@code n}), by ask id:
     * nothing by default. Called once per round in a sweep's batch.
     */
    default Map<Long, AskExtra> extras(Handle handle, Round round, List<DueAsk> due) {
        return Map.of();
    }

    /**
     * Asks of rounds with the same DM group that one sweep sends to one person go in one DM listing them, each with
     * its own Answer button (a manager's reviews of each report), rather than a DM each. Null (the default): a DM per
     * ask.
     */
    default String dmGroup(Handle handle, Round round) {
        return null;
    }

    /**
     * The smallest group whose results this feature ever shows, when it breaks answers down by department, manager,
     * location and tenure: each answer then keeps those groups as far as that many of the round's people share them
     * (see {@code answers.cell}). Empty (the default): answers keep no groups.
     */
    default OptionalInt groupMinimum(Handle handle, Round round) {
        return OptionalInt.empty();
    }

    /**
     * True when {@code viewer} may write to the anonymous author of one of the round's answers ({@link
     * AnswerThreads}); nobody may by default.
     */
    default boolean mayReply(Handle handle, Actor viewer, Round round) {
        return false;
    }

    /**
     * What to show above the questions when {@code reader} opens the form of their ask of one of its rounds (a
     * review's evidence packet): nothing by default. Called in the request, so it should read little.
     */
    default List<dev.candor.bot.chat.Block> formIntro(
            Handle handle, Actor reader, Round round, dev.candor.storage.ask.Ask ask) {
        return List.of();
    }

    /**
     * Inputs of the feature's own below the questions of a named (never anonymous) ask's form, such as the peers a
     * person nominates in a review: none by default. They are not answers: the feature checks them ({@link
     * #formProblems}) and keeps them ({@link #formAccepted}) itself.
     */
    default List<dev.candor.bot.chat.Form.Input> formInputs(
            Handle handle, Actor reader, Round round, dev.candor.storage.ask.Ask ask) {
        return List.of();
    }

    /** What to fix in the feature's own inputs as submitted, by input id; empty (the default) when they may be kept. */
    default Map<String, String> formProblems(
            Handle handle, Round round, dev.candor.storage.ask.Ask ask, dev.candor.bot.chat.FormSubmission submission) {
        return Map.of();
    }

    /**
     * Keeps the feature's own inputs, in the answer's transaction right before the answer is saved (and the feature
     * told of it, {@link RoundListener#answered}, which may then read them); the submission's
     * source key keeps it once however often the request is retried. Nothing by default.
     */
    default void formAccepted(
            Handle handle,
            Round round,
            dev.candor.storage.ask.Ask ask,
            dev.candor.bot.chat.FormSubmission submission) {}

    /** True when {@code viewer} may read the answers of {@code round}; the person who answered always may. */
    boolean maySeeAnswers(Handle handle, Actor viewer, Round round);
}
