package dev.candor.bot.ask;

import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.ask.RoundListener;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features that ask, by name; also the engine's one {@link RoundListener}, which hands each round's news to its
 * feature. A round of a feature that is not registered (removed since) is closed without anyone being told.
 */
public final class AskFeatures implements RoundListener {
    private static final Logger log = LoggerFactory.getLogger(AskFeatures.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,30}");

    private final Map<String, AskFeature> features = new ConcurrentHashMap<>();

    /** Registers a feature; its name must be new. */
    public AskFeatures register(AskFeature feature) {
        if (!NAME.matcher(feature.name()).matches()) {
            throw new IllegalArgumentException("a feature name is lower case letters and digits: " + feature.name());
        }
        if (features.putIfAbsent(feature.name(), feature) != null) {
            throw new IllegalStateException("a feature named " + feature.name() + " is registered already");
        }
        return this;
    }

    private volatile GoalQuestions goalQuestions = GoalQuestions.NONE;

    /** What goals questions list and do: set once by the goals feature. */
    public AskFeatures goalQuestions(GoalQuestions questions) {
        this.goalQuestions = questions;
        return this;
    }

    GoalQuestions goalQuestions() {
        return goalQuestions;
    }

    public Optional<AskFeature> find(String name) {
        return Optional.ofNullable(features.get(name));
    }

    /** What the round's ask says; a feature that is gone gets a plain title. */
    AskText text(Handle handle, Round round) {
        return find(round.feature())
                .map(feature -> feature.text(handle, round))
                .orElse(new AskText("Questions for you", null));
    }

    /** What the round's feature shows above the questions of this ask's form. */
    List<dev.candor.bot.chat.Block> formIntro(
            Handle handle, dev.candor.bot.chat.Actor reader, Round round, dev.candor.storage.ask.Ask ask) {
        return find(round.feature())
                .map(feature -> feature.formIntro(handle, reader, round, ask))
                .orElse(List.of());
    }

    /** The round's feature's own inputs of this ask's form; none for an anonymous round. */
    List<dev.candor.bot.chat.Form.Input> formInputs(
            Handle handle, dev.candor.bot.chat.Actor reader, Round round, dev.candor.storage.ask.Ask ask) {
        return round.anonymous()
                ? List.of()
                : find(round.feature())
                        .map(feature -> feature.formInputs(handle, reader, round, ask))
                        .orElse(List.of());
    }

    /** What to fix in the feature's own inputs, by input id. */
    Map<String, String> formProblems(
            Handle handle, Round round, dev.candor.storage.ask.Ask ask, dev.candor.bot.chat.FormSubmission submission) {
        return round.anonymous()
                ? Map.of()
                : find(round.feature())
                        .map(feature -> feature.formProblems(handle, round, ask, submission))
                        .orElse(Map.of());
    }

    /** Has the feature keep its own inputs, in the answer's transaction. */
    void formAccepted(
            Handle handle, Round round, dev.candor.storage.ask.Ask ask, dev.candor.bot.chat.FormSubmission submission) {
        if (!round.anonymous()) {
            find(round.feature()).ifPresent(feature -> feature.formAccepted(handle, round, ask, submission));
        }
    }

    /** The round's DM group, or null for a DM per ask. */
    String dmGroup(Handle handle, Round round) {
        return find(round.feature())
                .map(feature -> feature.dmGroup(handle, round))
                .orElse(null);
    }

    /** What the round's feature adds to these asks' DMs, by ask id. */
    Map<Long, AskExtra> extras(Handle handle, Round round, List<DueAsk> due) {
        return find(round.feature())
                .map(feature -> feature.extras(handle, round, due))
                .orElse(Map.of());
    }

    /** The round's feature's smallest group for breakdowns, if it breaks answers down. */
    OptionalInt groupMinimum(Handle handle, Round round) {
        return find(round.feature())
                .map(feature -> feature.groupMinimum(handle, round))
                .orElse(OptionalInt.empty());
    }

    @Override
    public void answered(Handle handle, Round round, Answered answered) {
        feature(round).ifPresent(feature -> feature.answered(handle, round, answered));
    }

    @Override
    public void declined(Handle handle, Round round, long askId, long personId, String reason) {
        feature(round).ifPresent(feature -> feature.declined(handle, round, askId, personId, reason));
    }

    @Override
    public void closed(Handle handle, Round round, AskCounts counts) {
        feature(round).ifPresent(feature -> feature.closed(handle, round, counts));
    }

    private Optional<AskFeature> feature(Round round) {
        Optional<AskFeature> feature = find(round.feature());
        if (feature.isEmpty()) {
            log.warn("round {} belongs to no registered feature", round.id());
        }
        return feature;
    }
}
