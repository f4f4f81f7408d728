package dev.candor.bot.ask;

import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.Round;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The questionnaire a round asks, read once per version and kept: a stored version never changes (editing a
 * questionnaire stores the next version), so every answer after the first skips a query and a JSON parse.
 */
final class QuestionnaireVersions {
    /** Versions kept at most; past it the cache starts again, which costs one query per version in use. */
    static final int MAX_KEPT = 1_000;

    private record Key(long orgId, long questionnaireId, int version) {}

    private final Map<Key, Questionnaire> kept = new ConcurrentHashMap<>();

    Questionnaire of(Handle handle, Round round) {
        Key key = new Key(round.orgId(), round.questionnaireId(), round.version());
        Questionnaire known = kept.get(key);
        if (known != null) {
            return known;
        }
        Questionnaire read = handle.attach(QuestionnaireDao.class)
                .findVersion(round.orgId(), round.questionnaireId(), round.version())
                .map(version -> QuestionsJson.readQuestionnaire(version.questionsJson()))
                .orElseThrow();
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, read);
        return read;
    }

    int size() {
        return kept.size();
    }
}
