package dev.candor.scheduler.oneonone;

import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.oneonone.LatestCheckinAnswer;
import dev.candor.storage.oneonone.LatestCheckinDao;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's latest answered check-in to the 1:1's manager, read from the asking engine: the first mood question's
 * answer and the answer to the blocking question. Check-in questions carry no role, so the blocking question is the
 * first text question whose prompt speaks of blocking ("What is blocking you?"), the same rule as the check-in digest;
 * "none", "nothing", "no", "n/a" or "-" count as no blockers.
 */
public final class CheckinAnswers implements LatestCheckin {
    private static final Logger log = LoggerFactory.getLogger(CheckinAnswers.class);
    private static final Pattern NOTHING = Pattern.compile("(?i)(no|none|nothing|n/a|-)\\.?");

    @Override
    public Map<Long, CheckinHighlights> of(Handle handle, long[] oneOnOneIds) {
        Map<Long, CheckinHighlights> highlights = new HashMap<>();
        if (oneOnOneIds.length == 0) {
            return highlights;
        }
        for (LatestCheckinAnswer answer : handle.attach(LatestCheckinDao.class).listLatest(oneOnOneIds)) {
            try {
                highlights.put(answer.oneOnOneId(), highlights(answer));
            } catch (IllegalArgumentException unreadable) {
                // A stored version the engine can't read must not hold up the reminder: show the agenda without it.
                log.warn("1:1 {}: latest check-in unreadable, left off the agenda", answer.oneOnOneId());
            }
        }
        return highlights;
    }

    static CheckinHighlights highlights(LatestCheckinAnswer answer) {
        Questionnaire questionnaire = QuestionsJson.readQuestionnaire(answer.questionsJson());
        Answers values = QuestionsJson.readAnswers(answer.valuesJson());
        return new CheckinHighlights(
                mood(questionnaire, values), blockers(questionnaire, values).orElse(null), answer.period());
    }

    private static Integer mood(Questionnaire questionnaire, Answers values) {
        for (Question question : questionnaire.questions()) {
            if (question instanceof Question.Mood) {
                OptionalInt number = values.number(question.id());
                if (number.isPresent()) {
                    return number.getAsInt();
                }
                return values.text(question.id())
                        .filter(text -> text.matches("[1-5]"))
                        .map(Integer::valueOf)
                        .orElse(null);
            }
        }
        return null;
    }

    private static Optional<String> blockers(Questionnaire questionnaire, Answers values) {
        return questionnaire.questions().stream()
                .filter(question -> question instanceof Question.Text)
                .filter(question -> question.prompt().toLowerCase(Locale.ROOT).contains("block"))
                .findFirst()
                .flatMap(question -> values.text(question.id()))
                .map(String::strip)
                .filter(text -> !text.isEmpty() && !NOTHING.matcher(text).matches());
    }
}
