package dev.candor.bot.pulse.results;

import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import dev.candor.bot.pulse.results.SurveyResults.TrendPoint;
import dev.candor.bot.server.CsvRows;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The export: the same aggregates as the results message, one count or average per row, never one row per person
 * (comments, each one person's words, stay in chat). Columns: section, question, group, label, value.
 */
final class ResultsCsv {
    private ResultsCsv() {}

    static byte[] write(SurveyResults results) {
        StringBuilder csv = new StringBuilder("section,question,group,label,value\r\n");
        row(csv, "round", "", results.period(), "asked", Integer.toString(results.asks()));
        row(csv, "round", "", results.period(), "answered", Integer.toString(results.answered()));
        for (QuestionResult question : results.questions()) {
            String prompt = question.question().prompt();
            for (int i = 0; i < question.labels().size(); i++) {
                row(
                        csv,
                        "distribution",
                        prompt,
                        "",
                        question.labels().get(i),
                        question.counts().get(i).toString());
            }
            question.average()
                    .ifPresent(average -> row(csv, "average", prompt, "", "average", TextEquivalents.number(average)));
            if (question.enps() != null) {
                row(
                        csv,
                        "enps",
                        prompt,
                        "",
                        "score",
                        Integer.toString(question.enps().score()));
                row(
                        csv,
                        "enps",
                        prompt,
                        "",
                        "promoters",
                        Integer.toString(question.enps().promoters()));
                row(
                        csv,
                        "enps",
                        prompt,
                        "",
                        "passives",
                        Integer.toString(question.enps().passives()));
                row(
                        csv,
                        "enps",
                        prompt,
                        "",
                        "detractors",
                        Integer.toString(question.enps().detractors()));
            }
        }
        for (TrendPoint point : results.trend()) {
            averages(csv, "trend", point.period(), point.averages(), results);
        }
        for (BreakdownResult breakdown : results.breakdowns()) {
            for (GroupResult group : breakdown.groups()) {
                String section = "breakdown:" + breakdown.breakdown().key();
                row(csv, section, "", group.name(), "answers", Integer.toString(group.answers()));
                averages(csv, section, group.name(), group.averages(), results);
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void averages(
            StringBuilder csv, String section, String group, Map<String, Double> averages, SurveyResults results) {
        for (QuestionResult question : results.questions()) {
            Double average = averages.get(question.question().id());
            if (average != null) {
                row(csv, section, question.question().prompt(), group, "average", TextEquivalents.number(average));
            }
        }
    }

    private static void row(StringBuilder csv, String... cells) {
        CsvRows.row(csv, cells);
    }
}
