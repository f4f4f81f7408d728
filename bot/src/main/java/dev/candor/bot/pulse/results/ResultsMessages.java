package dev.candor.bot.pulse.results;

import dev.candor.bot.ask.AnswerThreads;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import dev.candor.bot.pulse.results.SurveyResults.TrendPoint;
import dev.candor.bot.server.PublicFiles;
import dev.candor.scheduler.ask.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Survey results as a message: answer rate, a chart and its text per question, eNPS, the trend, breakdowns and
 * comments. Charts are PNGs behind expiring links; without PUBLIC_URL the text stands alone and says so.
 */
public final class ResultsMessages {
    /** Past this many comments the message would be too long; the rest are counted. */
    static final int SHOWN_COMMENTS = 10;

    /**
     * Slack shows 50 blocks of a message; two per question (15 at most), the trend, four breakdowns and the notes
     * leave room for the comments' title, some comments, the count of the rest and the buttons.
     */
    static final int MOST_BLOCKS = 50;

    private final PublicFiles links;

    public ResultsMessages(PublicFiles links) {
        this.links = links;
    }

    /** The results; {@code buttons} (Share, Export) for HR, none in a shared copy. */
    public Message results(long orgId, SurveyResults results, List<Block.Button> buttons) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Pulse results: " + results.survey().name()));
        blocks.add(new Block.Context(Text.of(about(results))));
        if (!results.shown()) {
            blocks.add(new Block.Section(Text.of(notYet(results))));
            return new Message(notYet(results), blocks);
        }
        for (int i = 0; i < results.questions().size(); i++) {
            blocks.addAll(question(orgId, i + 1, results.questions().get(i)));
        }
        blocks.addAll(trend(orgId, results));
        blocks.addAll(breakdowns(results));
        blocks.addAll(comments(results, MOST_BLOCKS - blocks.size() - 4));
        if (!links.enabled()) {
            blocks.add(new Block.Context(
                    Text.of("Charts are left out: HR can set PUBLIC_URL so that Candor can serve chart pictures.")));
        } else if (!Charts.available()) {
            blocks.add(new Block.Context(
                    Text.of("Charts are left out: Candor's server has no font to draw them with (its log says which to"
                            + " install).")));
        }
        if (!buttons.isEmpty()) {
            blocks.add(new Block.Buttons(buttons));
        }
        return new Message("Pulse results: " + results.survey().name() + ", " + rate(results), blocks);
    }

    private static String about(SurveyResults results) {
        String whose = results.scope().everyone() ? "" : "Your organisation · ";
        String anonymity = results.survey().anonymous()
                ? "anonymous, shown for groups of at least " + results.minGroup()
                : "named, shown for groups of at least " + results.minGroup();
        return whose + "Round " + results.period() + " · " + rate(results) + " · " + anonymity;
    }

    private static String rate(SurveyResults results) {
        int percent = results.asks() == 0 ? 0 : Math.round(100f * results.answered() / results.asks());
        return results.answered() + " of " + results.asks() + " answered (" + percent + "%)";
    }

    private static String notYet(SurveyResults results) {
        if (!results.scope().everyone()) {
            return "Results of your organisation show when it has at least " + results.minGroup()
                    + " answers and the rest of the round has none or at least as many, so that nobody can be told"
                    + " apart.";
        }
        return results.answers() + (results.answers() == 1 ? " answer" : " answers") + " so far; results show from "
                + results.minGroup() + ".";
    }

    private List<Block> question(long orgId, int number, QuestionResult result) {
        List<Block> blocks = new ArrayList<>();
        String text = TextEquivalents.distribution(result);
        Text.Builder section = Text.builder()
                .strong("Q" + number + ". " + result.question().prompt())
                .lineBreak()
                .plain(text);
        if (result.enps() != null) {
            section.lineBreak().plain(TextEquivalents.enps(result.enps()));
        }
        blocks.add(new Block.Section(section.build()));
        chart(
                        orgId,
                        "question-" + result.question().id(),
                        () -> Charts.bars(result.question().prompt(), result.labels(), result.counts()))
                .ifPresent(
                        url -> blocks.add(new Block.Image(url, result.question().prompt() + ": " + text)));
        return blocks;
    }

    /** The trend of each numeric question over the shown rounds; the first one also as a line chart. */
    private List<Block> trend(long orgId, SurveyResults results) {
        List<TrendPoint> points = results.trend();
        if (points.size() < 2) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        Text.Builder text = Text.builder().strong("Trend");
        Optional<Block> chart = Optional.empty();
        for (QuestionResult result : results.questions()) {
            Question question = result.question();
            List<TrendPoint> answered = points.stream()
                    .filter(point -> point.averages().containsKey(question.id()))
                    .toList();
            if (result.average().isEmpty() || answered.size() < 2) {
                continue;
            }
            List<String> periods = answered.stream().map(TrendPoint::period).toList();
            List<Double> values = answered.stream()
                    .map(point -> point.averages().get(question.id()))
                    .toList();
            String line = question.prompt() + ": " + TextEquivalents.trend(periods, values);
            text.lineBreak().plain(line);
            if (chart.isEmpty()) {
                chart = chart(
                                orgId,
                                "trend-" + question.id(),
                                () -> Charts.line(
                                        question.prompt(),
                                        periods,
                                        values,
                                        Distributions.lowest(question).getAsInt(),
                                        Distributions.highest(question)))
                        .map(url -> new Block.Image(url, "Trend of " + line));
            }
        }
        blocks.add(new Block.Section(text.build()));
        chart.ifPresent(blocks::add);
        return blocks;
    }

    private static List<Block> breakdowns(SurveyResults results) {
        List<Block> blocks = new ArrayList<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (int i = 0; i < results.questions().size(); i++) {
            QuestionResult result = results.questions().get(i);
            if (result.average().isPresent()) {
                numbers.put(result.question().id(), "Q" + (i + 1));
            }
        }
        for (BreakdownResult breakdown : results.breakdowns()) {
            Text.Builder text = Text.builder()
                    .strong("By " + breakdown.breakdown().title().toLowerCase(java.util.Locale.ROOT) + " (averages)");
            for (GroupResult group : breakdown.groups()) {
                text.lineBreak()
                        .plain(TextEquivalents.averages(group.name(), group.answers(), numbers, group.averages()));
            }
            blocks.add(new Block.Section(text.build()));
        }
        if (results.scope().everyone() && !results.breakdowns().isEmpty()) {
            blocks.add(new Block.Context(Text.of("Groups with fewer than " + results.minGroup()
                    + " answers, or that would let someone work out a smaller group by subtraction, are left out.")));
        }
        return blocks;
    }

    /** The comments' title, as many comments as {@code room} allows (up to ten), and how many more there are. */
    private static List<Block> comments(SurveyResults results, int room) {
        if (results.comments().isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong("Comments").build()));
        // A comment HR can reply to takes a second block, its button.
        boolean replies = results.comments().stream().anyMatch(comment -> comment.thread() != null);
        long shown = shown(replies ? room / 2 : room);
        results.comments().stream().limit(shown).forEach(comment -> {
            blocks.add(new Block.Quote(Text.of(comment.text())));
            if (comment.thread() != null) {
                blocks.add(new Block.Buttons(List.of(AnswerThreads.replyButton(comment.thread()))));
            }
        });
        int more = Math.max(results.comments().size(), results.commentCount())
                - (int) Math.min(results.comments().size(), shown);
        if (more > 0) {
            blocks.add(new Block.Context(Text.of(
                    more == 1
                            ? "1 more comment is left out of this message."
                            : more + " more comments are left out of this message.")));
        }
        return blocks;
    }

    /** The chart's address; drawn only when it can be served. */
    private Optional<String> chart(long orgId, String name, Supplier<byte[]> png) {
        if (!links.enabled() || !Charts.available()) {
            return Optional.empty();
        }
        return links.publish(orgId, "image/png", name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png", png.get());
    }

    private static long shown(int room) {
        return Math.max(1, Math.min(SHOWN_COMMENTS, room));
    }
}
