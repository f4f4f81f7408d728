package dev.candor.scheduler.ask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What each type of question must hold to be asked. */
final class QuestionRules {
    private QuestionRules() {}

    static List<String> problems(String which, Question question) {
        List<String> problems = new ArrayList<>();
        if (blank(question.prompt())) {
            problems.add(which + " has no text: write what to ask.");
        } else if (question.prompt().length() > Questionnaire.LONGEST_PROMPT) {
            problems.add(which + " is " + question.prompt().length() + " characters long: shorten it to "
                    + Questionnaire.LONGEST_PROMPT + ".");
        }
        if (question instanceof Question.Scale scale) {
            endLabel(problems, which, "lowest", scale.minLabel());
            endLabel(problems, which, "highest", scale.maxLabel());
        } else if (question instanceof Question.Choice choice) {
            options(problems, which, choice.options());
        } else if (question instanceof Question.Text text
                && (text.maxLength() < 1 || text.maxLength() > Question.Text.LONGEST)) {
            problems.add(which + " allows answers of " + text.maxLength() + " characters: choose 1 to "
                    + Question.Text.LONGEST + ".");
        }
        return problems;
    }

    private static void endLabel(List<String> problems, String which, String end, String label) {
        if (blank(label)) {
            problems.add(which + " needs a word for its " + end + " value (e.g. \"Not at all\" … \"Completely\").");
        } else if (label.length() > Questionnaire.LONGEST_END_LABEL) {
            problems.add(which + "'s word for its " + end + " value is too long: keep it to "
                    + Questionnaire.LONGEST_END_LABEL + " characters.");
        }
    }

    private static void options(List<String> problems, String which, List<String> options) {
        if (options.size() < Question.Choice.MIN_OPTIONS || options.size() > Question.Choice.MAX_OPTIONS) {
            problems.add(which + " has " + options.size() + " option(s): give it " + Question.Choice.MIN_OPTIONS
                    + " to " + Question.Choice.MAX_OPTIONS + ".");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (blank(option)) {
                problems.add(which + ", option " + (i + 1) + " is empty: write it or remove it.");
            } else if (option.length() > Questionnaire.LONGEST_OPTION) {
                problems.add(which + ", option " + (i + 1) + " is too long: keep it to " + Questionnaire.LONGEST_OPTION
                        + " characters.");
            } else if (!seen.add(option.strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(which + " has the option \"" + option + "\" twice: keep one.");
            }
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
