package dev.candor.scheduler.ask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ordered list of up to 15 questions. Validation says what to fix in words a person setting one up understands;
 * a stored version is never changed (editing makes a new one).
 */
public record Questionnaire(List<Question> questions) {
    public static final int MAX_QUESTIONS = 15;
    public static final int LONGEST_PROMPT = 300;
    /** Slack's limit for an option's text. */
    public static final int LONGEST_OPTION = 75;

    public static final int LONGEST_END_LABEL = 40;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public Questionnaire {
        questions = List.copyOf(questions);
    }

    public Questionnaire(Question... questions) {
        this(List.of(questions));
    }

    /** Every problem, each naming the question by its number; empty when the questionnaire can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (questions.isEmpty()) {
            problems.add("Add at least one question.");
        }
        if (questions.size() > MAX_QUESTIONS) {
            problems.add("A questionnaire holds up to " + MAX_QUESTIONS + " questions: remove "
                    + (questions.size() - MAX_QUESTIONS) + ".");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String which = "Question " + (i + 1);
            if (question.id() == null || !ID.matcher(question.id()).matches()) {
                problems.add(which + " needs an id of 1 to 40 letters, digits, - or _.");
            } else if (!ids.add(question.id())) {
                problems.add(which + " has the same id as an earlier one (" + question.id() + "): give it its own.");
            }
            problems.addAll(QuestionRules.problems(which, question));
        }
        if (questions.stream().filter(Question.Goals.class::isInstance).count() > 1) {
            problems.add("Ask about goals once: every goals question lists the same goals.");
        }
        return problems;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    /** The question with this id, or null. */
    public Question question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }
}
