package dev.candor.bot;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic mutations of real payloads, for fuzz tests: truncation, a value of the wrong JSON type, a field
 * removed, a 100 KB string, hostile unicode (NUL, lone surrogates, right-to-left marks, emoji, combining marks), and
 * unknown types. Seeded, so a failing run can be repeated exactly.
 */
public final class PayloadMutator {
    public static final String HUNDRED_KB = "thanks for the review ".repeat(100_000 / 22 + 1);
    private static final List<String> UNICODE = List.of(
            "nul\u0000inside",
            "lone \uD83D high",
            "lone \uDC4B low",
            "\u202Eright-to-left override\u202C",
            "\u200F\u05E9\u05DC\u05D5\u05DD\u200E",
            "👩🏽‍💻🎉👋🏿",
            "e\u0301\u0302\u0303\u0304 combining",
            "\uFEFFbom",
            "\u2028line\u2029separators");
    private static final ObjectMapper plain = new ObjectMapper();
    /** Escapes every non-ASCII char: the only way a lone surrogate survives the trip, as a JSON escape. */
    private static final ObjectMapper escaping =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Random random;

    public PayloadMutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One mutation of a JSON payload, as the text to send. */
    public String mutateJson(JsonNode original, List<String> unknownTypes) {
        JsonNode tree = original.deepCopy();
        int kind = random.nextInt(7);
        if (kind == 0) {
            String text = write(tree);
            return text.substring(0, random.nextInt(Math.max(1, text.length())));
        }
        List<Slot> slots = slots(tree);
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case 1 -> slot.set(otherType(slot.value()));
            case 2 -> slot.remove();
            case 3 -> slot.set(JsonNodeFactory.instance.textNode(HUNDRED_KB));
            case 4, 5 -> slot.set(JsonNodeFactory.instance.textNode(unicode()));
            default -> typeSlot(tree, slots).set(JsonNodeFactory.instance.textNode(pick(unknownTypes)));
        }
        return write(tree);
    }

    /** One mutation of a form (a slash command). */
    public Map<String, String> mutateForm(Map<String, String> original, List<String> unknownCommands) {
        Map<String, String> form = new java.util.LinkedHashMap<>(original);
        List<String> names = new ArrayList<>(form.keySet());
        String name = pick(names);
        switch (random.nextInt(5)) {
            case 0 -> form.remove(name);
            case 1 -> form.put(name, HUNDRED_KB);
            case 2, 3 -> form.put(name, form.get(name) + " " + unicode());
            default -> form.put("command", pick(unknownCommands));
        }
        return form;
    }

    /** A hostile string: one of the unicode cases, sometimes many of them. */
    public String unicode() {
        String one = pick(UNICODE);
        return random.nextInt(4) == 0 ? one.repeat(1 + random.nextInt(500)) : one;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String write(JsonNode tree) {
        try {
            return (random.nextBoolean() ? escaping : plain).writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode otherType(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> others = new ArrayList<>(List.of(
                nodes.textNode("a string"),
                nodes.objectNode().put("text", "an object where a string belongs"),
                nodes.arrayNode().add(1).add("two"),
                nodes.numberNode(random.nextLong()),
                nodes.numberNode(3.5),
                nodes.booleanNode(random.nextBoolean()),
                nodes.nullNode()));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return pick(others);
    }

    /** A field named {@code type} (or {@code command}), else any field. */
    private Slot typeSlot(JsonNode tree, List<Slot> slots) {
        List<Slot> types = slots.stream()
                .filter(slot -> slot.name() != null
                        && (slot.name().equals("type") || slot.name().equals("command")))
                .toList();
        return types.isEmpty() ? pick(slots) : pick(types);
    }

    /** Every value in the tree, with a way to replace or remove it. */
    private static List<Slot> slots(JsonNode tree) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private record Slot(JsonNode parent, String name, int index) {
        JsonNode value() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
