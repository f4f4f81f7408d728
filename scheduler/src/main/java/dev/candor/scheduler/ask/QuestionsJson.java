package dev.candor.scheduler.ask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questionnaires and answers as stored ({@code questionnaire_versions.questions}, {@code answers.answer_values}):
 * <pre>
 * [{"id":"mood","type":"mood","prompt":"How was your week?","required":true},
 *  {"id":"q2","type":"choice","prompt":"…","required":false,"options":["A","B"],"multiple":true}, …]
 * {"mood":4,"q2":["A"],"q3":"text","q4":true,"q5":{"progress":[{"id":"12","value":"60","status":"at_risk"}]}}
 * </pre>
 */
public final class QuestionsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionsJson() {}

    public static String write(Questionnaire questionnaire) {
        ArrayNode array = JSON.createArrayNode();
        questionnaire.questions().forEach(question -> array.add(node(question)));
        return array.toString();
    }

    public static Questionnaire readQuestionnaire(String json) {
        List<Question> questions = new ArrayList<>();
        for (JsonNode node : tree(json)) {
            questions.add(question(node));
        }
        return new Questionnaire(questions);
    }

    public static String write(Answers answers) {
        ObjectNode object = JSON.createObjectNode();
        answers.values().forEach((id, value) -> {
            if (value instanceof Answers.Value.Number number) {
                object.put(id, number.value());
            } else if (value instanceof Answers.Value.Typed typed) {
                object.put(id, typed.text());
            } else if (value instanceof Answers.Value.YesNo yesNo) {
                object.put(id, yesNo.yes());
            } else if (value instanceof Answers.Value.Chosen chosen) {
                ArrayNode options = object.putArray(id);
                chosen.options().forEach(options::add);
            } else if (value instanceof Answers.Value.Progress progress) {
                ArrayNode items = object.putObject(id).putArray("progress");
                progress.items().forEach(item -> items.addObject()
                        .put("id", item.id())
                        .put("value", item.value())
                        .put("status", item.status()));
            }
        });
        return object.toString();
    }

    public static Answers readAnswers(String json) {
        Map<String, Answers.Value> values = new LinkedHashMap<>();
        tree(json).fields().forEachRemaining(field -> {
            JsonNode node = field.getValue();
            if (node.isInt()) {
                values.put(field.getKey(), new Answers.Value.Number(node.intValue()));
            } else if (node.isBoolean()) {
                values.put(field.getKey(), new Answers.Value.YesNo(node.booleanValue()));
            } else if (node.isArray()) {
                List<String> options = new ArrayList<>();
                node.forEach(option -> options.add(option.asText()));
                values.put(field.getKey(), new Answers.Value.Chosen(options));
            } else if (node.isTextual()) {
                values.put(field.getKey(), new Answers.Value.Typed(node.textValue()));
            } else if (node.isObject() && node.path("progress").isArray()) {
                List<Answers.Value.Progress.Item> items = new ArrayList<>();
                node.path("progress")
                        .forEach(item -> items.add(new Answers.Value.Progress.Item(
                                item.path("id").asText(),
                                item.path("value").isTextual()
                                        ? item.path("value").textValue()
                                        : null,
                                item.path("status").isTextual()
                                        ? item.path("status").textValue()
                                        : null)));
                values.put(field.getKey(), new Answers.Value.Progress(items));
            }
        });
        return new Answers(values);
    }

    private static ObjectNode node(Question question) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", question.id())
                .put("type", question.type())
                .put("prompt", question.prompt())
                .put("required", question.required());
        if (question instanceof Question.Scale scale) {
            node.put("minLabel", scale.minLabel()).put("maxLabel", scale.maxLabel());
        } else if (question instanceof Question.Choice choice) {
            ArrayNode options = node.putArray("options");
            choice.options().forEach(options::add);
            node.put("multiple", choice.multiple());
        } else if (question instanceof Question.Text text) {
            node.put("multiline", text.multiline()).put("maxLength", text.maxLength());
        }
        return node;
    }

    private static Question question(JsonNode node) {
        String id = node.path("id").asText();
        String prompt = node.path("prompt").asText();
        boolean required = node.path("required").asBoolean(false);
        String type = node.path("type").asText();
        return switch (type) {
            case "scale" ->
                new Question.Scale(
                        id,
                        prompt,
                        required,
                        node.path("minLabel").asText(),
                        node.path("maxLabel").asText());
            case "nps" -> new Question.Nps(id, prompt, required);
            case "choice" ->
                new Question.Choice(
                        id,
                        prompt,
                        required,
                        texts(node.path("options")),
                        node.path("multiple").asBoolean(false));
            case "text" ->
                new Question.Text(
                        id,
                        prompt,
                        required,
                        node.path("multiline").asBoolean(false),
                        node.path("maxLength").asInt());
            case "mood" -> new Question.Mood(id, prompt, required);
            case "yes_no" -> new Question.YesNo(id, prompt, required);
            case "goals" -> new Question.Goals(id, prompt);
            default -> throw new IllegalArgumentException("unknown question type: " + type);
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Not the parser's message: it may quote answers.
            throw new IllegalArgumentException("stored questions or answers are not JSON");
        }
    }
}
