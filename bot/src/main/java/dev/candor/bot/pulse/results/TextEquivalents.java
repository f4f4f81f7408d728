package dev.candor.bot.pulse.results;

import dev.candor.bot.pulse.results.SurveyResults.Enps;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words that say what each chart shows, for everyone who can't or won't look at a picture. */
final class TextEquivalents {
    private TextEquivalents() {}

    /** "1: 2 · 2: 5 · 3: 9 · 4: 3 · 5: 1, average 3.4" */
    static String distribution(QuestionResult result) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < result.labels().size(); i++) {
            parts.add(result.labels().get(i) + ": " + result.counts().get(i));
        }
        String text = String.join(" · ", parts);
        return result.average().isPresent()
                ? text + ", average " + number(result.average().getAsDouble())
                : text;
    }

    /** "eNPS +23: 10 promoters, 5 passives, 3 detractors" */
    static String enps(Enps enps) {
        return "eNPS " + (enps.score() > 0 ? "+" : "") + enps.score() + ": " + enps.promoters() + " promoters, "
                + enps.passives() + " passives, " + enps.detractors() + " detractors";
    }

    /** "2026-W48: 3.1 → 2026-W49: 3.4" */
    static String trend(List<String> periods, List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            parts.add(periods.get(i) + ": " + number(values.get(i)));
        }
        return String.join(" → ", parts);
    }

    /** A group's averages, e.g. "Sales (12 answers): Q1 7.8 · Q2 4.1", with each question's label by its id. */
    static String averages(String name, int answers, Map<String, String> labels, Map<String, Double> averages) {
        List<String> values = labels.entrySet().stream()
                .map(label -> label.getValue() + " "
                        + (averages.containsKey(label.getKey()) ? number(averages.get(label.getKey())) : "–"))
                .toList();
        return name + " (" + answers + " answers): " + String.join(" · ", values);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
