package dev.candor.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.chat.Form;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.checkin.PersonAnswer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads answers against the questionnaire version they answered: prompts, moods and blockers. */
final class Moods {
    private final Jdbi jdbi;
    private final long orgId;
    private final Map<String, List<JsonNode>> versions = new HashMap<>();

    Moods(Jdbi jdbi, long orgId) {
        this.jdbi = jdbi;
        this.orgId = orgId;
    }

    List<JsonNode> questions(PersonAnswer answer) {
        return versions.computeIfAbsent(
                answer.questionnaireId() + ":" + answer.version(), key -> jdbi.onDemand(QuestionnaireDao.class)
                        .findVersion(orgId, answer.questionnaireId(), answer.version())
                        .map(version -> Questions.read(version.questionsJson()))
                        .orElse(List.of()));
    }

    /** The mood given (1–5), if the version has a mood question and it was answered. */
    Optional<Integer> mood(PersonAnswer answer) {
        if (!answer.answered()) {
            return Optional.empty();
        }
        JsonNode values = Questions.values(answer.valuesJson());
        return questions(answer).stream()
                .filter(question -> "mood".equals(question.path("type").asText()))
                .map(question -> values.path(question.path("id").asText()).asText(""))
                .filter(value -> value.matches("[1-5]"))
                .map(Integer::parseInt)
                .findFirst();
    }

    /** The answer to a question whose prompt speaks of blocking, if given. */
    Optional<String> blocker(PersonAnswer answer) {
        JsonNode values = Questions.values(answer.valuesJson());
        return questions(answer).stream()
                .filter(question -> question.path("prompt")
                        .asText()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("block"))
                .map(question ->
                        values.path(question.path("id").asText()).asText("").strip())
                .filter(value -> !value.isEmpty() && !value.matches("(?i)(no|none|nothing|n/a|-)\\.?"))
                .findFirst();
    }

    static String face(int mood) {
        return Form.MoodInput.FACES.get(mood - 1).label().substring(0, 2).strip();
    }
}
