package dev.candor.bot.ask;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.StoredAnswer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Stores answers, named or anonymous, marks the ask answered, turns its DMs into "answered ✓" and tells the
 * feature, all in the caller's transaction.
 */
final class AnswerStore {
    private final Clock clock;
    private final AskFeatures features;
    private final EditKeys editKeys;
    private final AnswerCells cells;

    AnswerStore(Clock clock, AskFeatures features, EditKeys editKeys) {
        this.clock = clock;
        this.features = features;
        this.editKeys = editKeys;
        this.cells = new AnswerCells(clock);
    }

    /** The person's earlier answer to this ask, if it can be found. */
    Optional<Answers> previous(Handle handle, Round round, Ask ask) {
        AnswerDao answers = handle.attach(AnswerDao.class);
        Optional<StoredAnswer> stored = round.anonymous()
                ? editKeys.of(round.orgId(), round.id(), ask.personId())
                        .flatMap(key -> answers.findByEditKey(round.orgId(), round.id(), key))
                : answers.findByAsk(round.orgId(), ask.id());
        return stored.map(answer -> QuestionsJson.readAnswers(answer.valuesJson()));
    }

    /** False for an anonymous answer given without an encryption key: it can't be found again to be changed. */
    boolean canChange(Round round, Ask ask) {
        return !(round.anonymous()
                && ask.state() == dev.candor.storage.ask.AskState.ANSWERED
                && editKeys.of(round.orgId(), round.id(), ask.personId()).isEmpty());
    }

    void save(Handle handle, Round round, Ask ask, Answers answers, AskText text, ZoneId zone) {
        Instant now = clock.instant();
        String json = QuestionsJson.write(answers);
        AnswerDao answerDao = handle.attach(AnswerDao.class);
        OptionalInt minimum = features.groupMinimum(handle, round);
        String cell = minimum.isPresent() ? cells.of(handle, round, ask.personId(), minimum.getAsInt()) : null;
        Optional<UUID> answerId;
        if (round.anonymous()) {
            byte[] key = editKeys.of(round.orgId(), round.id(), ask.personId()).orElseGet(EditKeys::random);
            answerDao.saveAnonymous(round.orgId(), round.id(), key, round.version(), json, cell);
            answerId = Optional.empty();
        } else {
            answerId = Optional.of(answerDao
                    .saveNamed(round.orgId(), round.id(), ask.id(), round.version(), json, now, cell)
                    .id());
        }
        boolean first =
                handle.attach(AskDao.class).markAnswered(round.orgId(), ask.id(), round.anonymous() ? null : now);
        if (first) {
            markDmsAnswered(handle, ask, text, zone);
        }
        features.answered(handle, round, new Answered(ask.id(), ask.personId(), answerId, !first));
    }

    /**
     * The ask's DM and each reminder sent so far say "answered ✓" wherever they were shown: one statement, however
     * many reminders went out.
     */
    private static void markDmsAnswered(Handle handle, Ask ask, AskText text, ZoneId zone) {
        markDms(handle, ask, ":answered", AskMessages.answered(text, ask.id(), ask.dueAt(), zone));
    }

    /** The ask's DM and each reminder sent so far become {@code message}, in one statement. */
    static void markDms(Handle handle, Ask ask, String suffix, Message message) {
        List<String> sent = new ArrayList<>();
        sent.add(DueAsk.openKey(ask.id()));
        for (int n = 1; n <= ask.remindersSent(); n++) {
            sent.add("ask:" + ask.id() + ":remind:" + n);
        }
        Outbox.updateEach(handle, ask.orgId(), sent, suffix, message);
    }
}
