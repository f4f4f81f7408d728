package dev.candor.bot.kudos;

import dev.candor.storage.kudos.CompanyValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches {@code #tags} against the organisation's values, case-insensitively. An organisation without values
 * accepts any tag; otherwise an unknown tag gets the closest value as a suggestion.
 */
public final class ValueMatcher {
    private final Map<String, CompanyValue> values;

    public ValueMatcher(List<CompanyValue> values) {
        this.values = values.stream().collect(Collectors.toMap(CompanyValue::tag, Function.identity()));
    }

    /** What the tags of one kudos come to: the known values, and the unknown tags with a suggestion each. */
    public record Result(List<String> matched, List<Unknown> unknown) {}

    public record Unknown(String tag, Optional<String> suggestion) {}

    public boolean hasValues() {
        return !values.isEmpty();
    }

    public List<String> tags() {
        return values.keySet().stream().sorted().toList();
    }

    public Result match(List<String> tags) {
        if (values.isEmpty()) {
            return new Result(tags, List.of());
        }
        List<String> matched = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        for (String tag : tags) {
            String key = tag.toLowerCase(Locale.ROOT);
            if (values.containsKey(key)) {
                matched.add(key);
            } else {
                unknown.add(new Unknown(tag, closest(key)));
            }
        }
        return new Result(matched, unknown);
    }

    /** The value a typo most likely meant: a prefix match, or within a third of the tag's length in edits. */
    private Optional<String> closest(String tag) {
        return values.keySet().stream()
                .filter(value -> value.startsWith(tag)
                        || tag.startsWith(value)
                        || distance(tag, value) <= Math.max(1, value.length() / 3))
                .min(Comparator.comparingInt((String value) -> distance(tag, value))
                        .thenComparing(value -> value));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
