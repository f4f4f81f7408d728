package dev.candor.bot.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows {@code admin} in {@code /candor admin allowance 5 per day}, as words, keeping the original text so
 * that names and descriptions keep their spacing and case.
 */
record Words(String text, List<Integer> starts, List<String> words) {
    private static final Pattern WORD = Pattern.compile("\\S+");

    /** @param commandText the command's text, starting with {@code admin} */
    static Words afterAdmin(String commandText) {
        Words all = of(commandText);
        return all.size() > 0 && all.lower(0).equals("admin") ? of(all.rest(1)) : all;
    }

    static Words of(String text) {
        List<Integer> starts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            starts.add(matcher.start());
            words.add(matcher.group());
        }
        return new Words(text, List.copyOf(starts), List.copyOf(words));
    }

    int size() {
        return words.size();
    }

    /** The word at {@code index}, lower-cased; empty when there is none. */
    String lower(int index) {
        return index < words.size() ? words.get(index).toLowerCase(Locale.ROOT) : "";
    }

    String word(int index) {
        return index < words.size() ? words.get(index) : "";
    }

    /** Everything from the word at {@code index} on, as typed; empty when there is nothing. */
    String rest(int index) {
        return index < words.size() ? text.substring(starts.get(index)).strip() : "";
    }
}
