package dev.candor.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check-in's questions as one line each, typed into one text area (usable alike in a Slack modal and a Teams card),
 * and as the asking engine's questionnaire JSON. Lines look like {@code mood: How are you feeling?},
 * {@code text: What went well this week?}, {@code scale: How focused were you? [Not at all | Completely]},
 * {@code choice: Where did you work? [Office | Home]}; {@code (optional)} at the end makes one optional.
 */
public final class Questions {
    public static final int MAX = 15;
    public static final int TEXT_MAX_LENGTH = 2000;
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

    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z/_]+)\\s*:\\s*(.+)$");
    private static final Pattern OPTIONS = Pattern.compile("^(.*?)\\s*\\[([^\\]]*)\\]$");
    private static final String OPTIONAL = "(optional)";

    private Questions() {}

    /** The engine's questionnaire JSON for the lines, or a message that says what to fix. */
    public static Parsed parse(String lines) {
        List<ObjectNode> questions = new ArrayList<>();
        int number = 0;
        for (String raw : lines.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            number++;
            if (number > MAX) {
                return Parsed.error("A check-in has at most " + MAX + " questions.");
            }
            try {
                questions.add(question(number, line));
            } catch (IllegalArgumentException mistake) {
                return Parsed.error("Line " + number + ": " + mistake.getMessage() + " " + SYNTAX);
            }
        }
        if (questions.isEmpty()) {
            return Parsed.error("Add at least one question. " + SYNTAX);
        }
        ArrayNode array = json.createArrayNode();
        questions.forEach(array::add);
        return new Parsed(array.toString(), null);
    }

    /** The result of {@link #parse}: the JSON, or the mistake. */
    public record Parsed(String json, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }

    private static ObjectNode question(int number, String line) {
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
        List<String> choices = List.of();
        if (options.matches()) {
            rest = options.group(1).strip();
            choices = List.of(options.group(2).split("\\|")).stream()
                    .map(String::strip)
                    .filter(choice -> !choice.isEmpty())
                    .toList();
        }
        if (rest.isEmpty() || rest.length() > 300) {
            throw new IllegalArgumentException("a question has 1 to 300 characters.");
        }
        ObjectNode question = json.createObjectNode()
                .put("id", "q" + number)
                .put("prompt", rest)
                .put("required", !optional);
        return typed(question, type, choices);
    }

    private static ObjectNode typed(ObjectNode question, String type, List<String> choices) {
        switch (type) {
            case "mood" -> question.put("type", "mood");
            case "text", "long" ->
                question.put("type", "text").put("multiline", true).put("maxLength", TEXT_MAX_LENGTH);
            case "short" -> question.put("type", "text").put("multiline", false).put("maxLength", 200);
            case "yes/no", "yesno", "yes_no" -> question.put("type", "yes_no");
            case "nps" -> question.put("type", "nps");
            case "scale" -> {
                if (!choices.isEmpty() && choices.size() != 2) {
                    throw new IllegalArgumentException("a scale has two end labels: [Not at all | Completely].");
                }
                question.put("type", "scale").put("min", 1).put("max", 5);
                question.put("minLabel", choices.isEmpty() ? "Not at all" : choices.get(0));
                question.put("maxLabel", choices.isEmpty() ? "Completely" : choices.get(1));
            }
            case "choice", "choices" -> {
                if (choices.size() < 2 || choices.size() > 10) {
                    throw new IllegalArgumentException("a choice has 2 to 10 options in brackets: [A | B].");
                }
                question.put("type", "choice").put("multiple", type.equals("choices"));
                ArrayNode options = question.putArray("options");
                choices.forEach(options::add);
            }
            default -> throw new IllegalArgumentException("\"" + type + "\" is not a question type.");
        }
        return question;
    }

    /** The questionnaire JSON back as lines, for editing. */
    public static String lines(String questionsJson) {
        List<String> lines = new ArrayList<>();
        for (JsonNode question : read(questionsJson)) {
            lines.add(line(question));
        }
        return String.join("\n", lines);
    }

    private static String line(JsonNode question) {
        String type = question.path("type").asText();
        String prompt = question.path("prompt").asText();
        String word =
                switch (type) {
                    case "text" -> question.path("multiline").asBoolean(true) ? "text" : "short";
                    case "yes_no" -> "yes/no";
                    case "choice" -> question.path("multiple").asBoolean() ? "choices" : "choice";
                    default -> type;
                };
        StringBuilder line = new StringBuilder(word).append(": ").append(prompt);
        if (type.equals("scale")) {
            line.append(" [")
                    .append(question.path("minLabel").asText())
                    .append(" | ")
                    .append(question.path("maxLabel").asText())
                    .append(']');
        } else if (type.equals("choice")) {
            List<String> options = new ArrayList<>();
            question.path("options").forEach(option -> options.add(option.asText()));
            line.append(" [").append(String.join(" | ", options)).append(']');
        }
        if (!question.path("required").asBoolean(true)) {
            line.append(' ').append(OPTIONAL);
        }
        return line.toString();
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
