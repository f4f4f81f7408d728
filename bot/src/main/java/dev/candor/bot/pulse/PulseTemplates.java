package dev.candor.bot.pulse;

import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.pulse.SurveyTemplate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The survey templates with their exact wording, as engine questionnaires: HR starts from one and edits its questions
 * like any other. Agreement scales run from "Strongly disagree" to "Strongly agree", so that averages compare.
 */
enum PulseTemplates {
    ENPS(
            "eNPS",
            new Questionnaire(
                    new Question.Nps("q1", "How likely are you to recommend working here to a friend?", true),
                    comment("q2", "What is the main reason for your score?"))),
    ENGAGEMENT(
            "Engagement",
            new Questionnaire(
                    agree("q1", "I get recognition when I do good work."),
                    agree("q2", "I am learning and growing here."),
                    agree("q3", "My manager supports me when I need it."),
                    agree("q4", "My workload is manageable."),
                    agree("q5", "I can keep a healthy balance between work and the rest of my life."),
                    agree("q6", "I understand how my work contributes to the company's goals."),
                    agree("q7", "I feel I belong in my team."),
                    agree("q8", "I would still like to be working here in a year."),
                    agree("q9", "I have what I need to do my job well."),
                    comment("q10", "What one thing would make working here better?"))),
    WELLBEING(
            "Wellbeing",
            new Questionnaire(
                    new Question.Mood("q1", "How are you feeling about work these days?", true),
                    agree("q2", "My level of stress at work is manageable."),
                    agree("q3", "I have enough energy at the end of a working day."),
                    agree("q4", "I can switch off from work when I'm not working."),
                    comment("q5", "Is there anything that would help your wellbeing at work?"))),
    BLANK("Blank", new Questionnaire(comment("q1", "Anything you'd like to tell us?")));

    private static final String DISAGREE = "Strongly disagree";
    private static final String AGREE = "Strongly agree";

    private final String label;
    private final Questionnaire questions;

    PulseTemplates(String label, Questionnaire questions) {
        this.label = label;
        this.questions = questions;
    }

    /** As the form and {@code pulse_surveys.template} say it. */
    String dbValue() {
        return stored().dbValue();
    }

    SurveyTemplate stored() {
        return SurveyTemplate.valueOf(name());
    }

    static PulseTemplates of(SurveyTemplate stored) {
        return valueOf(stored.name());
    }

    String label() {
        return label;
    }

    Questionnaire questions() {
        return questions;
    }

    static Optional<PulseTemplates> of(String dbValue) {
        return Arrays.stream(values())
                .filter(template -> template.dbValue().equals(dbValue))
                .findFirst();
    }

    static List<PulseTemplates> all() {
        return List.of(values());
    }

    private static Question agree(String id, String statement) {
        return new Question.Scale(id, statement, true, DISAGREE, AGREE);
    }

    private static Question comment(String id, String prompt) {
        return new Question.Text(id, prompt, false, true, Questions.TEXT_MAX_LENGTH);
    }
}
