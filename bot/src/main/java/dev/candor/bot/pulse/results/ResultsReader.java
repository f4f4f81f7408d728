package dev.candor.bot.pulse.results;

import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.pulse.results.SurveyResults.QuestionResult;
import dev.candor.bot.pulse.results.SurveyResults.TrendPoint;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.pulse.results.AnswerCount;
import dev.candor.storage.pulse.results.CellCount;
import dev.candor.storage.pulse.results.CellValueCount;
import dev.candor.storage.pulse.results.GroupName;
import dev.candor.storage.pulse.results.PulseResultsDao;
import dev.candor.storage.pulse.results.SurveyRef;
import dev.candor.storage.pulse.results.SurveyRound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a survey's latest round as {@link SurveyResults}: PostgreSQL counts, {@link AnonymityRules} decides, and
 * only what they allow leaves this class. Every output (results, share, export) starts here.
 */
public final class ResultsReader {
    private final Jdbi jdbi;
    private final ReplyThreads threads;

    /** Results without replies to comments. */
    public ResultsReader(Jdbi jdbi) {
        this(jdbi, ReplyThreads.NONE);
    }

    /** Results whose comments HR can reply to through {@code threads}. */
    public ResultsReader(Jdbi jdbi, ReplyThreads threads) {
        this.jdbi = jdbi;
        this.threads = threads;
    }

    /** The results within the scope; empty when the survey has no round yet. */
    public Optional<SurveyResults> read(long orgId, SurveyRef survey, Scope scope) {
        return jdbi.withHandle(handle -> read(handle, orgId, survey, scope));
    }

    private Optional<SurveyResults> read(Handle handle, long orgId, SurveyRef survey, Scope scope) {
        PulseResultsDao dao = handle.attach(PulseResultsDao.class);
        List<SurveyRound> rounds = dao.listRounds(orgId, Long.toString(survey.id()));
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        SurveyRound latest = rounds.get(rounds.size() - 1);
        AnonymityRules rules = new AnonymityRules(survey.minGroup());
        long[] ids = rounds.stream().mapToLong(SurveyRound::roundId).toArray();
        Map<Long, Integer> answers = dao.countAnswers(orgId, ids, scope.everyone(), scope.managerArray()).stream()
                .collect(Collectors.toMap(AnswerCount::roundId, AnswerCount::answers));
        int latestAnswers = answers.getOrDefault(latest.roundId(), 0);
        int asked = dao.countAsks(orgId, latest.roundId());
        // One answer per ask that was answered: the whole round's answers are how many answered.
        int answered = scope.everyone()
                ? latestAnswers
                : dao.countAnswers(orgId, new long[] {latest.roundId()}, true, new String[0]).stream()
                        .mapToInt(AnswerCount::answers)
                        .sum();
        List<CellCount> cells = dao.countCells(orgId, latest.roundId());
        // An answer whose manager was not kept (fewer than the minimum share them) has none: the scope's list is
        // immutable and throws on contains(null), and such an answer is outside every manager's part anyway.
        boolean shown = scope.everyone()
                ? rules.shows(latestAnswers)
                : rules.showsPart(
                        cells,
                        cell -> cell.manager() != null && scope.managers().contains(cell.manager()));
        if (!shown) {
            return Optional.of(SurveyResults.waiting(survey, scope, latest.period(), asked, answered, latestAnswers));
        }
        List<Question> questions = questions(handle, orgId, latest);
        long[] latestId = {latest.roundId()};
        List<CellValueCount> byCell = dao.countValuesByCell(orgId, latestId, scope.everyone(), scope.managerArray());
        List<AnswerCount> latestValues = sum(latest.roundId(), byCell.stream());
        List<QuestionResult> results = questions.stream()
                .flatMap(question -> Distributions.of(question, latestValues).stream())
                .toList();
        // A manager's earlier rounds and breakdowns would need the rules' checks round by round and against every
        // group HR sees; their view keeps to the latest round's own results.
        List<TrendPoint> trend = scope.everyone()
                ? trend(dao, orgId, rounds, answers, rules, questions, latestValues, latest.roundId())
                : List.of();
        List<BreakdownResult> breakdowns = scope.everyone()
                ? breakdowns(dao, orgId, byCell, cells, rules.visibleGroups(cells), questions)
                : List.of();
        String[] textIds = questions.stream()
                .filter(question -> question instanceof Question.Text)
                .map(Question::id)
                .toArray(String[]::new);
        int commentCount = latestValues.stream()
                .filter(count -> List.of(textIds).contains(count.questionId()))
                .mapToInt(AnswerCount::answers)
                .sum();
        // Only HR (the whole organisation's results) may write to a comment's anonymous author: a conversation is
        // started for each comment shown, so only a message's worth are read.
        List<ShownComment> comments = dao
                .listComments(
                        orgId,
                        latest.roundId(),
                        scope.everyone(),
                        scope.managerArray(),
                        textIds,
                        ResultsMessages.SHOWN_COMMENTS)
                .stream()
                .map(comment -> new ShownComment(
                        comment.text(),
                        scope.everyone()
                                ? threads.thread(
                                                handle,
                                                orgId,
                                                latest.roundId(),
                                                comment.answerId(),
                                                comment.questionId())
                                        .orElse(null)
                                : null))
                .toList();
        return Optional.of(new SurveyResults(
                survey,
                scope,
                latest.period(),
                asked,
                answered,
                latestAnswers,
                true,
                results,
                trend,
                breakdowns,
                comments,
                commentCount));
    }

    private static List<Question> questions(Handle handle, long orgId, SurveyRound round) {
        return handle.attach(QuestionnaireDao.class)
                .findVersion(orgId, round.questionnaireId(), round.version())
                .map(version ->
                        QuestionsJson.readQuestionnaire(version.questionsJson()).questions())
                .orElse(List.of());
    }

    /** Each round with enough answers, with its averages of the latest round's questions. */
    private static List<TrendPoint> trend(
            PulseResultsDao dao,
            long orgId,
            List<SurveyRound> rounds,
            Map<Long, Integer> answers,
            AnonymityRules rules,
            List<Question> questions,
            List<AnswerCount> latestValues,
            long latestId) {
        List<SurveyRound> shown = rounds.stream()
                .filter(round -> rules.shows(answers.getOrDefault(round.roundId(), 0)))
                .toList();
        long[] earlier = shown.stream()
                .mapToLong(SurveyRound::roundId)
                .filter(id -> id
                        != latestValues.stream()
                                .findFirst()
                                .map(AnswerCount::roundId)
                                .orElse(-1L))
                .toArray();
        List<AnswerCount> values = new ArrayList<>(latestValues);
        if (earlier.length > 0) {
            values.addAll(dao.countValues(orgId, earlier, true, new String[0]));
        }
        return shown.stream()
                .map(round -> new TrendPoint(
                        round.period(),
                        Distributions.averages(questions, Distributions.ofRound(values, round.roundId()))))
                .toList();
    }

    /** The counts of the rows, summed by question and answer, as the round's. */
    private static List<AnswerCount> sum(long roundId, Stream<CellValueCount> rows) {
        Map<List<String>, Integer> sums = new LinkedHashMap<>();
        rows.forEach(row -> sums.merge(List.of(row.questionId(), row.answer()), row.answers(), Integer::sum));
        return sums.entrySet().stream()
                .map(sum -> new AnswerCount(
                        roundId, sum.getKey().get(0), sum.getKey().get(1), sum.getValue()))
                .toList();
    }

    private static List<BreakdownResult> breakdowns(
            PulseResultsDao dao,
            long orgId,
            List<CellValueCount> byCell,
            List<CellCount> cells,
            Set<Group> visible,
            List<Question> questions) {
        List<BreakdownResult> breakdowns = new ArrayList<>();
        for (Breakdown breakdown : Breakdown.values()) {
            List<Group> groups = visible.stream()
                    .filter(group -> group.breakdown() == breakdown)
                    .toList();
            if (groups.isEmpty()) {
                continue;
            }
            Function<String, String> title = titles(dao, orgId, breakdown, groups);
            breakdowns.add(new BreakdownResult(
                    breakdown,
                    groups.stream()
                            .map(group -> new GroupResult(
                                    title.apply(group.name()),
                                    cells.stream()
                                            .filter(group::contains)
                                            .mapToInt(CellCount::answers)
                                            .sum(),
                                    Distributions.averages(
                                            questions,
                                            sum(0, byCell.stream().filter(row -> group.contains(row.cell()))))))
                            .toList()));
        }
        return breakdowns;
    }

    /** A manager's team is titled by the manager's name; other groups by what they are called. */
    private static Function<String, String> titles(
            PulseResultsDao dao, long orgId, Breakdown breakdown, List<Group> groups) {
        if (breakdown != Breakdown.MANAGER) {
            return Function.identity();
        }
        Map<String, String> names =
                dao.listManagerNames(orgId, groups.stream().map(Group::name).toArray(String[]::new)).stream()
                        .collect(Collectors.toMap(GroupName::id, GroupName::name));
        return id -> "Team of " + names.getOrDefault(id, "a former manager");
    }
}
