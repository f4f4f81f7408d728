package dev.candor.scheduler.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {
    static final Questionnaire EVERY_TYPE = new Questionnaire(
            new Question.Mood("mood", "How was your week?", true),
            new Question.Scale("focus", "How focused were you?", false, "Not at all", "Completely"),
            new Question.Nps("nps", "Would you recommend the team?", false),
            new Question.Choice("where", "Where did you work?", false, List.of("Office", "Home", "Both, mostly"), true),
            new Question.Choice("size", "Team size?", false, List.of("Small", "Big"), false),
            new Question.Text("well", "What went well?", true, true, 20),
            new Question.YesNo("blocked", "Are you blocked?", false));

    @Test
    void acceptsAQuestionnaireOfEveryType() {
        assertThat(EVERY_TYPE.problems()).isEmpty();
    }

    @Test
    void saysWhatToFixInAQuestionnaire() {
        Questionnaire broken = new Questionnaire(
                new Question.Mood("mood", " ", true),
                new Question.Scale("mood", "Focus?", true, "", "Completely"),
                new Question.Choice("c", "Pick", true, List.of("A"), false),
                new Question.Choice("d", "Pick", true, List.of("A", "a", ""), false),
                new Question.Text("t", "Say", true, false, 5000));

        assertThat(broken.problems())
                .containsExactly(
                        "Question 1 has no text: write what to ask.",
                        "Question 2 has the same id as an earlier one (mood): give it its own.",
                        "Question 2 needs a word for its lowest value (e.g. \"Not at all\" … \"Completely\").",
                        "Question 3 has 1 option(s): give it 2 to 10.",
                        "Question 4 has the option \"a\" twice: keep one.",
                        "Question 4, option 3 is empty: write it or remove it.",
                        "Question 5 allows answers of 5000 characters: choose 1 to 3000.");
    }

    @Test
    void holdsAtMostFifteenQuestionsAndAtLeastOne() {
        List<Question> sixteen = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> (Question) new Question.YesNo("q" + i, "Q" + i, false))
                .toList();

        assertThat(new Questionnaire(sixteen).problems())
                .containsExactly("A questionnaire holds up to 15 questions: remove 1.");
        assertThat(new Questionnaire(sixteen.subList(0, 15)).isValid()).isTrue();
        assertThat(new Questionnaire(Collections.emptyList()).problems()).containsExactly("Add at least one question.");
    }

    @Test
    void turnsFormValuesIntoTypedAnswers() {
        Answers.Check check = Answers.check(
                EVERY_TYPE,
                Map.of(
                        "mood", List.of("4"),
                        "focus", List.of("5"),
                        "nps", List.of("0"),
                        "where", List.of("0,2"),
                        "well", List.of("  shipped it  "),
                        "blocked", List.of("no")));

        assertThat(check).isInstanceOf(Answers.Check.Valid.class);
        Answers answers = ((Answers.Check.Valid) check).answers();
        assertThat(answers.number("mood")).hasValue(4);
        assertThat(answers.number("nps")).hasValue(0);
        assertThat(answers.chosen("where")).containsExactly("Office", "Both, mostly");
        assertThat(answers.text("well")).hasValue("shipped it");
        assertThat(answers.yes("blocked")).hasValue(false);
        assertThat(answers.values()).doesNotContainKey("size");
    }

    @Test
    void saysWhatToFixInAnAnswerQuestionByQuestion() {
        Answers.Check check = Answers.check(
                EVERY_TYPE,
                Map.of(
                        "focus", List.of("6"),
                        "nps", List.of("ten"),
                        "where", List.of("7"),
                        "size", List.of("0", "1"),
                        "well", List.of("x".repeat(25)),
                        "blocked", List.of("maybe")));

        assertThat(check).isInstanceOf(Answers.Check.Invalid.class);
        assertThat(((Answers.Check.Invalid) check).errors())
                .containsExactly(
                        Map.entry("mood", "Please answer this question."),
                        Map.entry("focus", "Pick one number from 1 to 5."),
                        Map.entry("nps", "Pick one number from 0 to 10."),
                        Map.entry("where", "Pick from the options shown."),
                        Map.entry("size", "Pick only one option."),
                        Map.entry("well", "Keep it to 20 characters: it is 25 now."),
                        Map.entry("blocked", "Pick yes or no."));
    }

    @Test
    void storesQuestionnairesAndAnswersAsJsonAndReadsThemBack() {
        Answers answers = ((Answers.Check.Valid) Answers.check(
                        EVERY_TYPE,
                        Map.of(
                                "mood",
                                List.of("2"),
                                "where",
                                List.of("1"),
                                "well",
                                List.of("ok"),
                                "blocked",
                                List.of("yes"))))
                .answers();

        assertThat(QuestionsJson.readQuestionnaire(QuestionsJson.write(EVERY_TYPE)))
                .isEqualTo(EVERY_TYPE);
        assertThat(QuestionsJson.write(answers))
                .isEqualTo("{\"mood\":2,\"where\":[\"Home\"],\"well\":\"ok\",\"blocked\":true}");
        assertThat(QuestionsJson.readAnswers(QuestionsJson.write(answers))).isEqualTo(answers);
    }

    @Test
    void showsAPreviousAnswerAgainAsTheFormTakesIt() {
        Answers answers = QuestionsJson.readAnswers("{\"mood\":2,\"where\":[\"Home\",\"Gone\"],\"blocked\":true}");

        assertThat(answers.formValues(EVERY_TYPE))
                .containsExactly(
                        Map.entry("mood", List.of("2")),
                        Map.entry("where", List.of("1")),
                        Map.entry("blocked", List.of("yes")));
    }

    @Test
    void collectsAGoalsQuestionsItemsKeepsThemAsJsonAndShowsThemAgain() {
        Questionnaire questionnaire = new Questionnaire(
                new Question.Mood("mood", "How are you?", true), new Question.Goals("goals", "Your goals"));
        Map<String, List<String>> submitted = new java.util.LinkedHashMap<>();
        submitted.put("mood", List.of("4"));
        submitted.put("goals.12", List.of(" 60 "));
        submitted.put("goals.12.status", List.of("at_risk"));
        submitted.put("goals.13.status", List.of("on_track"));
        submitted.put("goals.14", List.of(""));
        submitted.put("goals.bad id", List.of("5"));
        submitted.put("other.15", List.of("5"));

        Answers answers = ((Answers.Check.Valid) Answers.check(questionnaire, submitted)).answers();

        assertThat(answers.progress("goals"))
                .containsExactly(
                        new Answers.Value.Progress.Item("12", "60", "at_risk"),
                        new Answers.Value.Progress.Item("13", null, "on_track"));
        String json = QuestionsJson.write(answers);
        assertThat(json)
                .isEqualTo("{\"mood\":4,\"goals\":{\"progress\":[{\"id\":\"12\",\"value\":\"60\","
                        + "\"status\":\"at_risk\"},{\"id\":\"13\",\"value\":null,\"status\":\"on_track\"}]}}");
        assertThat(QuestionsJson.readAnswers(json)).isEqualTo(answers);
        assertThat(QuestionsJson.readQuestionnaire(QuestionsJson.write(questionnaire)))
                .isEqualTo(questionnaire);
        assertThat(answers.formValues(questionnaire))
                .containsExactly(
                        Map.entry("mood", List.of("4")),
                        Map.entry("goals.12", List.of("60")),
                        Map.entry("goals.12.status", List.of("at_risk")),
                        Map.entry("goals.13.status", List.of("on_track")));
        // nothing given: no answer, and never "Please answer" (a person may have no goals)
        assertThat(Answers.check(questionnaire, Map.of("mood", List.of("4")))).isInstanceOf(Answers.Check.Valid.class);
        assertThat(new Questionnaire(new Question.Goals("a", "Goals"), new Question.Goals("b", "More goals"))
                        .problems())
                .containsExactly("Ask about goals once: every goals question lists the same goals.");
    }
}
