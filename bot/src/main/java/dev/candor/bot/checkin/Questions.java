package dev.candor.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check-in's questions as one line each, typed into one text area (usable alike in a Slack modal and a Teams card),
 * read into the asking engine's {@link Questionnaire}, whose rules (types, at most 15, 2–10 options, lengths) then
 * apply. Lines look like {@code mood: How are you feeling?}, {@code text: What went well this week?},
 * {@code scale: How focused were you? [Not at all | Completely]}, {@code choice: Where did you work? [Office | Home]};
 * {@code (optional)} at the end makes one optional.
 */
public final class Questions {
    public static final int TEXT_MAX_LENGTH = 2000;
    public static final int SHORT_MAX_LENGTH = 200;
    public static final String DEFAULT =
            """
            mood: How are you feeling this week?
            text: What went well this week?
            text: What is blocking you?
            text: What are your priorities for next week?""";
    public static final String SYNTAX =
            "One question per line: mood, text, short, scale, nps, choice, choices or yes/no, a colon, the question;"
                    + " e.g. \"choice: Where did you work? [Office | Home]\"; add (optional) at the end if it may be"
                    + " left empty.";

    /** The syntax of a check-in's questions, which may also list the person's goals to update. */
    public static final String CHECKIN_SYNTAX = SYNTAX
            + " A line \"goals: Where are your goals?\" lists each person's open goals of the cycle to update in the"
            + " check-in.";

    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z/_]+)\\s*:\\s*(.*)$");
    private static final Pattern OPTIONS = Pattern.compile("^(.*?)\\s*\\[([^\\]]*)\\]$");
    private static final String OPTIONAL = "(optional)";
    private static final List<String> GOALS = List.of("goals", "goal");

    private Questions() {}

    /**
     * The lines as the engine's questionnaire, or what to fix: first a line that can't be read, else every problem the
     * engine finds. A question keeps the id it had in {@code previous} when its type and text are unchanged, so that
     * its answers stay comparable across versions (moods over rounds).
     */
    public static Parsed parse(String lines, Questionnaire previous) {
        return parse(lines, previous, false);
    }

    /** {@link #parse} for a check-in, whose questions may include one {@code goals:} line. */
    public static Parsed parseCheckin(String lines, Questionnaire previous) {
        return parse(lines, previous, true);
    }

    private static Parsed parse(String lines, Questionnaire previous, boolean goals) {
        List<Line> read = new ArrayList<>();
        int number = 0;
        for (String raw : lines.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            number++;
            try {
                read.add(line(line));
            } catch (IllegalArgumentException mistake) {
                return Parsed.error(
                        "Line " + number + ": " + mistake.getMessage() + " " + (goals ? CHECKIN_SYNTAX : SYNTAX));
            }
            if (!goals && GOALS.contains(read.get(read.size() - 1).type())) {
                return Parsed.error("Line " + number + ": goals questions belong in check-ins, where they update each"
                        + " person's own goals. " + SYNTAX);
            }
        }
        Questionnaire questionnaire = new Questionnaire(withIds(read, previous));
        List<String> problems = questionnaire.problems();
        return problems.isEmpty()
                ? new Parsed(questionnaire, null)
                : Parsed.error(String.join(" ", problems) + (read.isEmpty() ? " " + SYNTAX : ""));
    }

    /** The result of {@link #parse}: the questionnaire, or the mistakes. */
    public record Parsed(Questionnaire questionnaire, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }

    /** One line read: the question with a placeholder id. */
    private record Line(String type, String prompt, boolean required, List<String> brackets) {}

    private static Line line(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("start with the question's type and a colon.");
        }
        String type = matcher.group(1).toLowerCase(Locale.ROOT);
        String rest = matcher.group(2).strip();
        boolean optional = rest.toLowerCase(Locale.ROOT).endsWith(OPTIONAL);
        if (optional) {
            rest = rest.substring(0, rest.length() - OPTIONAL.length()).strip();
        }
        Matcher options = OPTIONS.matcher(rest);
        List<String> brackets = null;
        if (options.matches()) {
            rest = options.group(1).strip();
            brackets = List.of(options.group(2).split("\\|", -1)).stream()
                    .map(String::strip)
                    .toList();
        }
        Line read = new Line(type, rest, !optional, brackets);
        question(read, "q"); // an unknown type or a malformed bracket is a mistake of the line itself
        return read;
    }

    private static Question question(Line line, String id) {
        List<String> brackets = line.brackets() == null ? List.of() : line.brackets();
        return switch (line.type()) {
            case "mood" -> new Question.Mood(id, line.prompt(), line.required());
            case "text", "long" -> new Question.Text(id, line.prompt(), line.required(), true, TEXT_MAX_LENGTH);
            case "short" -> new Question.Text(id, line.prompt(), line.required(), false, SHORT_MAX_LENGTH);
            case "yes/no", "yesno", "yes_no" -> new Question.YesNo(id, line.prompt(), line.required());
            case "nps" -> new Question.Nps(id, line.prompt(), line.required());
            case "goals", "goal" -> new Question.Goals(id, line.prompt());
            case "scale" -> {
                if (line.brackets() != null && brackets.size() != 2) {
                    throw new IllegalArgumentException("a scale has two end labels: [Not at all | Completely].");
                }
                yield new Question.Scale(
                        id,
                        line.prompt(),
                        line.required(),
                        brackets.isEmpty() ? "Not at all" : brackets.get(0),
                        brackets.isEmpty() ? "Completely" : brackets.get(1));
            }
            case "choice", "choices" -> {
                if (line.brackets() == null) {
                    throw new IllegalArgumentException("a choice lists its options in brackets: [A | B].");
                }
                yield new Question.Choice(
                        id,
                        line.prompt(),
                        line.required(),
                        brackets,
                        line.type().equals("choices"));
            }
            default -> throw new IllegalArgumentException("\"" + line.type() + "\" is not a question type.");
        };
    }

    private static List<Question> withIds(List<Line> lines, Questionnaire previous) {
        List<Question> before = previous == null ? List.of() : previous.questions();
        Set<String> taken = new HashSet<>();
        List<Question> draft = new ArrayList<>();
        for (Line line : lines) {
            Question fresh = question(line, "");
            String kept = before.stream()
                    .filter(old -> !taken.contains(old.id()) && same(old, fresh))
                    .map(Question::id)
                    .findFirst()
                    .orElse(null);
            if (kept != null) {
                taken.add(kept);
            }
            draft.add(kept == null ? null : question(line, kept));
        }
        before.forEach(old -> taken.add(old.id()));
        List<Question> questions = new ArrayList<>();
        int next = 1;
        for (int i = 0; i < lines.size(); i++) {
            if (draft.get(i) != null) {
                questions.add(draft.get(i));
                continue;
            }
            while (taken.contains("q" + next)) {
                next++;
            }
            taken.add("q" + next);
            questions.add(question(lines.get(i), "q" + next));
        }
        return questions;
    }

    private static boolean same(Question old, Question fresh) {
        return old.type().equals(fresh.type()) && old.prompt().equals(fresh.prompt());
    }

    /** The questionnaire back as lines, for editing. */
    public static String lines(Questionnaire questionnaire) {
        List<String> lines = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            lines.add(line(question));
        }
        return String.join("\n", lines);
    }

    private static String line(Question question) {
        StringBuilder line = new StringBuilder();
        if (question instanceof Question.Text text) {
            line.append(text.multiline() ? "text" : "short");
        } else if (question instanceof Question.YesNo) {
            line.append("yes/no");
        } else if (question instanceof Question.Choice choice) {
            line.append(choice.multiple() ? "choices" : "choice");
        } else {
            line.append(question.type());
        }
        line.append(": ").append(question.prompt());
        if (question instanceof Question.Scale scale) {
            line.append(" [")
                    .append(scale.minLabel())
                    .append(" | ")
                    .append(scale.maxLabel())
                    .append(']');
        } else if (question instanceof Question.Choice choice) {
            line.append(" [").append(String.join(" | ", choice.options())).append(']');
        }
        if (!question.required() && !(question instanceof Question.Goals)) {
            line.append(' ').append(OPTIONAL);
        }
        return line.toString();
    }

    /** The stored questionnaire JSON as the engine reads it. */
    static Questionnaire questionnaire(String questionsJson) {
        return QuestionsJson.readQuestionnaire(questionsJson);
    }

    /** The questions of a questionnaire version, in order. */
    public static List<JsonNode> read(String questionsJson) {
        try {
            List<JsonNode> questions = new ArrayList<>();
            json.readTree(questionsJson).forEach(questions::add);
            return questions;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer's values by question id. */
    public static JsonNode values(String valuesJson) {
        try {
            return valuesJson == null ? json.createObjectNode() : json.readTree(valuesJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
