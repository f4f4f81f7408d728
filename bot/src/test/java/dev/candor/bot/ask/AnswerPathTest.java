package dev.candor.bot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxQueueDao;
import dev.candor.storage.outbox.TargetKind;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An answer as the handler stores it, below the platforms: what it queues and what it reads again. */
class AnswerPathTest {
    private static final Instant MONDAY = Instant.parse("2026-01-12T10:00:00Z");

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private long personId;
    private long askId;
    private Asking asking;

    @BeforeEach
    void openARoundForAna() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.onDemand(OrganisationDao.class).upsertSlack("T1", "Acme").id();
        personId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, profile_timezone) VALUES (?, 'Ana', 'Europe/Lisbon')"
                                + " RETURNING id",
                        orgId)
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                        + " VALUES (?, ?, 'slack', 'U0ANA')",
                orgId,
                personId));
        Clock clock = Clock.fixed(MONDAY, ZoneOffset.UTC);
        asking = new Asking(jdbi, clock, new WorkingTimeLoader(jdbi, clock), Optional.empty());
        asking.features().register(new Plain());
        QuestionnaireVersion version = asking.createQuestionnaire(
                orgId, "plain", new Questionnaire(new Question.Mood("mood", "How was your week?", true)), null);
        Round round = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "plain",
                        "plain:1",
                        "2026-W03",
                        version.questionnaireId(),
                        version.version(),
                        new RoundTiming(
                                Opening.at(LocalDateTime.parse("2026-01-12T09:00")),
                                Deadline.workingDays(2),
                                ReminderPlan.defaults()),
                        false,
                        List.of(personId),
                        null))
                .orElseThrow()
                .round();
        askId = jdbi.onDemand(AskDao.class)
                .listByRound(orgId, round.id())
                .get(0)
                .id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void turnsTheDmAndEveryReminderSentIntoAnsweredInOneGo() {
        sentWithReminders(2);

        assertThat(submit("4")).isInstanceOf(Reply.Private.class);

        assertThat(updatesQueued())
                .containsExactlyInAnyOrder(
                        "ask:" + askId + ":open:answered <- ask:" + askId + ":open",
                        "ask:" + askId + ":remind:1:answered <- ask:" + askId + ":remind:1",
                        "ask:" + askId + ":remind:2:answered <- ask:" + askId + ":remind:2");
        submit("5");
        assertThat(updatesQueued()).as("a changed answer queues nothing more").hasSize(3);
    }

    @Test
    void readsARoundsQuestionnaireOnceForAllItsAnswers() {
        sentWithReminders(0);
        submit("4");
        // Stored versions never change; were it read again, this one would refuse the next answer.
        jdbi.useHandle(handle ->
                handle.execute("UPDATE questionnaire_versions SET questions = jsonb_build_array(jsonb_build_object("
                        + "'type', 'text', 'id', 'other', 'prompt', 'Other?', 'required', true,"
                        + " 'multiline', false, 'maxLength', 10))"));

        assertThat(submit("2")).isInstanceOf(Reply.Private.class);
    }

    private void sentWithReminders(int reminders) {
        jdbi.useTransaction(handle -> {
            OutboxQueueDao outbox = handle.attach(OutboxQueueDao.class);
            outbox.enqueue(orgId, "ask:" + askId + ":open", Platform.SLACK, TargetKind.USER, "U0ANA", "{}");
            for (int n = 1; n <= reminders; n++) {
                outbox.enqueue(orgId, "ask:" + askId + ":remind:" + n, Platform.SLACK, TargetKind.USER, "U0ANA", "{}");
            }
            handle.execute("UPDATE asks SET sent_at = ?, reminders_sent = ? WHERE id = ?", MONDAY, reminders, askId);
        });
    }

    private Reply submit(String mood) {
        Actor ana = new Actor(
                orgId,
                "T1",
                personId,
                Platform.SLACK,
                "U0ANA",
                "Ana",
                Role.EMPLOYEE,
                ZoneId.of("Europe/Lisbon"),
                Locale.ENGLISH);
        return asking.handler()
                .handle(new FormSubmission(
                        ana,
                        new ConversationRef(Platform.SLACK, "D0ANA", ConversationKind.DM, null),
                        AskForms.FORM_ID,
                        Map.of("mood", List.of(mood)),
                        String.valueOf(askId),
                        "slack:view:V1:" + mood,
                        null));
    }

    private List<String> updatesQueued() {
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT idempotency_key || ' <- ' || earlier_key FROM outbox WHERE operation = 'update'")
                .mapTo(String.class)
                .list());
    }

    private static final class Plain implements AskFeature {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Questions", "Acme");
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }
    }
}
