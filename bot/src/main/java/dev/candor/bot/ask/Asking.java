package dev.candor.bot.ask;

import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ScheduledJob;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.AskOpener;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.StoredAnswer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The asking engine as features use it, built once by the composition root: register a feature, store
 * questionnaires, open rounds ({@link #rounds()}), read answers, and the handler and sweep Candor wires in.
 */
public final class Asking {
    private final Jdbi jdbi;
    private final AskFeatures features = new AskFeatures();
    private final Rounds rounds;
    private final AskHandler handler;
    private final AskSweepJob sweep;
    private final AnswerThreads threads;
    private final EditKeys editKeys;

    public Asking(Jdbi jdbi, Clock clock, WorkingTimes workingTimes, Optional<byte[]> encryptionKey) {
        this.jdbi = jdbi;
        AskDms dms = new AskDms(features);
        AskOpener opener = new AskOpener(jdbi, workingTimes, new RoundPlanner(), dms, AskSweepJob.BATCH);
        this.rounds = new Rounds(jdbi, clock, workingTimes, opener);
        this.editKeys = new EditKeys(encryptionKey);
        this.handler = new AskHandler(jdbi, clock, features, new AnswerStore(clock, features, editKeys));
        this.threads = new AnswerThreads(jdbi, clock, features, editKeys);
        this.sweep = AskSweepJob.on(jdbi, clock, workingTimes, dms, features);
    }

    /** Conversations with the anonymous authors of answers: routed under the feature name {@code thread}. */
    public AnswerThreads threads() {
        return threads;
    }

    /** Keyed hashes under CANDOR_ENCRYPTION_KEY for other anonymous conversations (speak up). */
    public KeyedHash keyedHash() {
        return editKeys::hash;
    }

    public AskFeatures features() {
        return features;
    }

    /** Open rounds, open them now, read their raw answers. */
    public Rounds rounds() {
        return rounds;
    }

    /** The Answer button and form: routed under the feature name {@code ask}. */
    public AskHandler handler() {
        return handler;
    }

    /** The sweep, every minute somewhere in the cluster. */
    public ScheduledJob sweepJob() {
        return sweep.everyMinute();
    }

    /** Stores a new questionnaire for a feature; throws when it is not valid (check {@link Questionnaire#problems}). */
    public QuestionnaireVersion createQuestionnaire(long orgId, String feature, Questionnaire questions, Long by) {
        requireValid(questions);
        return jdbi.withExtension(
                QuestionnaireDao.class, dao -> dao.insert(orgId, feature, QuestionsJson.write(questions), by));
    }

    /** Stores an edited questionnaire as its next version; rounds and answers keep the version they had. */
    public Optional<QuestionnaireVersion> editQuestionnaire(
            long orgId, long questionnaireId, Questionnaire questions, Long by) {
        requireValid(questions);
        return jdbi.withExtension(
                QuestionnaireDao.class,
                dao -> dao.addVersion(orgId, questionnaireId, QuestionsJson.write(questions), by));
    }

    public Optional<Questionnaire> questionnaire(long orgId, long questionnaireId, int version) {
        return jdbi.withExtension(QuestionnaireDao.class, dao -> dao.findVersion(orgId, questionnaireId, version))
                .map(stored -> QuestionsJson.readQuestionnaire(stored.questionsJson()));
    }

    /**
     * The person's open asks of one feature, each with its title, deadline and Answer button, as one message (what a
     * command shows when there is more than one to answer); empty when they have none.
     */
    public Optional<dev.candor.bot.chat.Message> openAsks(Actor actor, String feature, Instant now) {
        return jdbi.inTransaction(handle -> {
            List<AskMessages.Listed> listed = new java.util.ArrayList<>();
            for (Ask ask : handle.attach(AskDao.class).listOpenFor(actor.orgId(), actor.personId(), now)) {
                Optional<Round> round = handle.attach(RoundDao.class).find(actor.orgId(), ask.roundId());
                if (round.isPresent() && round.get().feature().equals(feature)) {
                    listed.add(new AskMessages.Listed(features.text(handle, round.get()), ask.id(), ask.dueAt()));
                }
            }
            return listed.isEmpty()
                    ? Optional.<dev.candor.bot.chat.Message>empty()
                    : Optional.of(
                            listed.size() == 1
                                    ? AskMessages.ask(
                                            listed.get(0).text(),
                                            listed.get(0).askId(),
                                            listed.get(0).dueAt(),
                                            actor.zone(),
                                            0)
                                    : AskMessages.several(listed, actor.zone(), 0));
        });
    }

    /** One answer of a round: the person who gave it (null in an anonymous round) and what they said. */
    public record RoundAnswer(Long personId, Answers answers, Instant submittedAt) {}

    /**
     * The round's answers for {@code viewer}: empty when the round's feature does not let them see its answers
     * (a named round's own answer is always visible to its author through their ask, not through this).
     */
    public Optional<List<RoundAnswer>> answers(Actor viewer, long roundId) {
        return jdbi.inTransaction(handle -> {
            Optional<Round> round = handle.attach(RoundDao.class).find(viewer.orgId(), roundId);
            boolean allowed = round.flatMap(found -> features.find(found.feature()))
                    .map(feature -> feature.maySeeAnswers(handle, viewer, round.get()))
                    .orElse(false);
            if (!allowed) {
                return Optional.empty();
            }
            Map<Long, Long> personByAsk = new HashMap<>();
            for (Ask ask : handle.attach(AskDao.class).listByRound(viewer.orgId(), roundId)) {
                personByAsk.put(ask.id(), ask.personId());
            }
            List<StoredAnswer> stored =
                    handle.attach(dev.candor.storage.ask.AnswerDao.class).listByRound(viewer.orgId(), roundId);
            return Optional.of(stored.stream()
                    .map(answer -> new RoundAnswer(
                            answer.askId() == null ? null : personByAsk.get(answer.askId()),
                            QuestionsJson.readAnswers(answer.valuesJson()),
                            answer.submittedAt()))
                    .toList());
        });
    }

    private static void requireValid(Questionnaire questions) {
        List<String> problems = questions.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }
}
