package dev.candor.scheduler.ask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form answers (text, as every platform sends them) checked against their questions. A choice's form value is the
 * option's position ("0", "1", …) so that no option text has to survive a platform's encoding (Teams joins several
 * chosen values with commas); the stored answer keeps the option's text.
 */
final class AnswerRules {
    private AnswerRules() {}

    static Answers.Check check(Questionnaire questionnaire, Map<String, List<String>> submitted) {
        Map<String, Answers.Value> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            if (question instanceof Question.Goals goals) {
                Answers.Value.Progress progress = progress(goals, submitted);
                if (!progress.items().isEmpty()) {
                    values.put(goals.id(), progress);
                }
                continue;
            }
            List<String> given = submitted.getOrDefault(question.id(), List.of()).stream()
                    .filter(value -> value != null && !value.isBlank())
                    .toList();
            if (given.isEmpty()) {
                if (question.required()) {
                    errors.put(question.id(), "Please answer this question.");
                }
                continue;
            }
            Object result = value(question, given);
            if (result instanceof String error) {
                errors.put(question.id(), error);
            } else {
                values.put(question.id(), (Answers.Value) result);
            }
        }
        return errors.isEmpty() ? new Answers.Check.Valid(new Answers(values)) : new Answers.Check.Invalid(errors);
    }

    /**
     * The items of a goals question as submitted: every {@code id.item} input with a value or a status. What the
     * values must be depends on each item, so the feature that lists them checks them; here they are only collected.
     */
    private static Answers.Value.Progress progress(Question.Goals goals, Map<String, List<String>> submitted) {
        String prefix = goals.id() + ".";
        Map<String, String[]> items = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> input : submitted.entrySet()) {
            if (!input.getKey().startsWith(prefix)) {
                continue;
            }
            String rest = input.getKey().substring(prefix.length());
            boolean status = rest.endsWith(".status");
            String item = status ? rest.substring(0, rest.length() - ".status".length()) : rest;
            String given = input.getValue().stream()
                    .filter(value -> value != null && !value.isBlank())
                    .map(String::strip)
                    .findFirst()
                    .orElse(null);
            if (!ITEM.matcher(item).matches() || given == null || given.length() > LONGEST_ITEM_VALUE) {
                continue;
            }
            items.computeIfAbsent(item, key -> new String[2])[status ? 1 : 0] = given;
        }
        return new Answers.Value.Progress(items.entrySet().stream()
                .map(item -> new Answers.Value.Progress.Item(item.getKey(), item.getValue()[0], item.getValue()[1]))
                .toList());
    }

    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int LONGEST_ITEM_VALUE = 40;

    /** The answer's value, or a String saying what to fix. */
    private static Object value(Question question, List<String> given) {
        if (question instanceof Question.Scale) {
            return number(given, Question.Scale.MIN, Question.Scale.MAX);
        } else if (question instanceof Question.Nps) {
            return number(given, Question.Nps.MIN, Question.Nps.MAX);
        } else if (question instanceof Question.Mood) {
            return number(given, Question.Mood.MIN, Question.Mood.MAX);
        } else if (question instanceof Question.Choice choice) {
            return chosen(choice, given);
        } else if (question instanceof Question.Text text) {
            return typed(text, given.get(0));
        }
        return yesNo(given.get(0));
    }

    private static Object number(List<String> given, int min, int max) {
        try {
            int value = Integer.parseInt(given.get(0).strip());
            if (given.size() == 1 && value >= min && value <= max) {
                return new Answers.Value.Number(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return "Pick one number from " + min + " to " + max + ".";
    }

    private static Object chosen(Question.Choice choice, List<String> given) {
        List<String> options = new ArrayList<>();
        for (String value : given) {
            for (String part : value.split(",")) {
                int index = index(part.strip(), choice.options().size());
                if (index < 0) {
                    return "Pick from the options shown.";
                }
                String option = choice.options().get(index);
                if (!options.contains(option)) {
                    options.add(option);
                }
            }
        }
        if (!choice.multiple() && options.size() > 1) {
            return "Pick only one option.";
        }
        return new Answers.Value.Chosen(options);
    }

    private static int index(String value, int size) {
        try {
            int index = Integer.parseInt(value);
            return index >= 0 && index < size ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Object typed(Question.Text text, String given) {
        String typed = given.strip();
        if (typed.length() > text.maxLength()) {
            return "Keep it to " + text.maxLength() + " characters: it is " + typed.length() + " now.";
        }
        return new Answers.Value.Typed(typed);
    }

    private static Object yesNo(String given) {
        return switch (given.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true" -> new Answers.Value.YesNo(true);
            case "no", "false" -> new Answers.Value.YesNo(false);
            default -> "Pick yes or no.";
        };
    }

    /** An answer written as the form's inputs take it, to show a previous answer again. */
    static Map<String, List<String>> formValues(Questionnaire questionnaire, Answers answers) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            Answers.Value value = answers.values().get(question.id());
            if (value == null) {
                continue;
            }
            if (question instanceof Question.Goals goals && value instanceof Answers.Value.Progress progress) {
                for (Answers.Value.Progress.Item item : progress.items()) {
                    if (item.value() != null) {
                        form.put(goals.valueId(item.id()), List.of(item.value()));
                    }
                    if (item.status() != null) {
                        form.put(goals.statusId(item.id()), List.of(item.status()));
                    }
                }
                continue;
            }
            form.put(question.id(), shown(question, value));
        }
        return form;
    }

    private static List<String> shown(Question question, Answers.Value value) {
        if (value instanceof Answers.Value.Number number) {
            return List.of(String.valueOf(number.value()));
        } else if (value instanceof Answers.Value.Typed typed) {
            return List.of(typed.text());
        } else if (value instanceof Answers.Value.YesNo yesNo) {
            return List.of(yesNo.yes() ? "yes" : "no");
        }
        return positions(question, ((Answers.Value.Chosen) value).options());
    }

    /** The chosen options' positions in the question (options removed since are dropped). */
    private static List<String> positions(Question question, List<String> options) {
        if (!(question instanceof Question.Choice choice)) {
            return List.of();
        }
        return options.stream()
                .map(option -> choice.options().indexOf(option))
                .filter(index -> index >= 0)
                .map(String::valueOf)
                .toList();
    }
}
