package dev.candor.bot.review;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.server.CsvRows;
import dev.candor.bot.server.FileLinks;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.StoredAnswer;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor review export NAME} (HR admins): the cycle's completion and ratings as one CSV behind an expiring
 * link under PUBLIC_URL, sent as a DM: a row per person and phase with their department, manager, where they are
 * (done, to do, late, away, not asked) and the value of each rating question. What people wrote stays in Candor.
 */
final class ReviewExport {
    private final Jdbi jdbi;
    private final FileLinks links;

    ReviewExport(Jdbi jdbi, FileLinks links) {
        this.jdbi = jdbi;
        this.links = links;
    }

    Message export(Actor actor, ReviewCycle cycle, Instant now, String sourceKey) {
        if (links == null || !links.enabled()) {
            return Message.of("Exports are downloads from Candor itself: set PUBLIC_URL to the address where Candor is"
                    + " reachable, then try again.");
        }
        byte[] csv = jdbi.withHandle(handle -> csv(handle, cycle, now));
        String url = links.publish(
                        actor.orgId(),
                        "text/csv",
                        "review-" + cycle.name().replaceAll("[^A-Za-z0-9]+", "-") + ".csv",
                        csv)
                .orElseThrow();
        Message dm = new Message(
                "Your export of " + cycle.name(),
                List.of(new Block.Section(Text.builder()
                        .plain("Completion and ratings of " + cycle.name() + ", as CSV: ")
                        .link(url, "download")
                        .plain(". The link works for " + FileLinks.LIFETIME.toDays() + " days. What people wrote"
                                + " stays in Candor.")
                        .build())));
        jdbi.useHandle(handle -> Outbox.toUser(
                handle, actor.orgId(), actor.platform(), actor.platformUserId(), "review-export:" + sourceKey, dm));
        return Message.of("I'm sending you a direct message with the download link for " + cycle.name() + ".");
    }

    static byte[] csv(Handle handle, ReviewCycle cycle, Instant now) {
        ReviewDao dao = handle.attach(ReviewDao.class);
        List<ReviewPhase> phases = dao.phases(cycle.orgId(), cycle.id());
        List<List<Question>> ratings = new ArrayList<>();
        int widest = 0;
        for (ReviewPhase phase : phases) {
            Questionnaire questions = handle.attach(QuestionnaireDao.class)
                    .findLatest(cycle.orgId(), phase.questionnaireId())
                    .map(version -> QuestionsJson.readQuestionnaire(version.questionsJson()))
                    .orElse(new Questionnaire(List.of()));
            List<Question> rated = questions.questions().stream()
                    .filter(question -> question instanceof Question.Scale
                            || question instanceof Question.Nps
                            || question instanceof Question.Mood
                            || question instanceof Question.Choice
                            || question instanceof Question.YesNo)
                    .toList();
            ratings.add(rated);
            widest = Math.max(widest, rated.size());
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(
                List.of("cycle", "phase", "person", "about", "department", "manager", "state", "due", "answered"));
        for (int i = 1; i <= widest; i++) {
            header.add("rating " + i);
            header.add("rating " + i + " value");
        }
        CsvRows.row(csv, header.toArray(String[]::new));
        for (int p = 0; p < phases.size(); p++) {
            ReviewPhase phase = phases.get(p);
            Map<Long, Answers> answers = new HashMap<>();
            for (long round : dao.rounds(cycle.orgId(), cycle.subject(phase.kind()))) {
                for (StoredAnswer answer : handle.attach(AnswerDao.class).listByRound(cycle.orgId(), round)) {
                    if (answer.askId() != null) {
                        answers.put(answer.askId(), QuestionsJson.readAnswers(answer.valuesJson()));
                    }
                }
            }
            for (ReviewDao.Progress one : dao.progress(cycle.orgId(), cycle.subject(phase.kind()), now)) {
                List<String> row = new ArrayList<>(List.of(
                        cycle.name(),
                        phase.kind().dbValue(),
                        one.name(),
                        one.aboutName() == null ? one.name() : one.aboutName(),
                        one.department() == null ? "" : one.department(),
                        one.managerName() == null ? "" : one.managerName(),
                        state(one, now),
                        one.dueAt().toString(),
                        one.answeredAt() == null ? "" : one.answeredAt().toString()));
                Answers given = answers.get(one.askId());
                for (Question question : ratings.get(p)) {
                    row.add(question.prompt());
                    row.add(given == null ? "" : value(given, question));
                }
                CsvRows.row(csv, row.toArray(String[]::new));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String state(ReviewDao.Progress one, Instant now) {
        if (one.state().equals("answered")) {
            return "done";
        }
        if (one.away()) {
            return "away";
        }
        if (one.state().equals("skipped")) {
            return "not asked";
        }
        return one.late() ? "late" : "to do";
    }

    private static String value(Answers given, Question question) {
        if (given.number(question.id()).isPresent()) {
            return Integer.toString(given.number(question.id()).getAsInt());
        }
        if (given.yes(question.id()).isPresent()) {
            return given.yes(question.id()).get() ? "yes" : "no";
        }
        return String.join("; ", given.chosen(question.id()));
    }
}
