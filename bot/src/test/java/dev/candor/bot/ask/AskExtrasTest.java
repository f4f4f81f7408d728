package dev.candor.bot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.org.OrganisationDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A feature's own blocks (a 1:1's agenda) in its asks' DMs, above the engine's part with the Answer button. */
class AskExtrasTest {
    private static final Instant MONDAY = Instant.parse("2026-01-12T10:00:00Z");

    private Database database;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void putsWhatTheFeatureAddsForEachPersonAboveTheAnswerButtonWithItsLeadAsTheText() {
        long orgId =
                jdbi.onDemand(OrganisationDao.class).upsertSlack("T1", "Acme").id();
        long ana = person(orgId, "Ana", "U0ANA");
        long li = person(orgId, "Li", "U0LI");
        Clock clock = Clock.fixed(MONDAY, ZoneOffset.UTC);
        Asking asking = new Asking(jdbi, clock, new WorkingTimeLoader(jdbi, clock), Optional.empty());
        asking.features().register(new WithAgenda(ana));
        QuestionnaireVersion version = asking.createQuestionnaire(
                orgId, "agenda", new Questionnaire(new Question.Mood("mood", "How was it?", true)), null);
        Round round = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "agenda",
                        "agenda:1",
                        "1",
                        version.questionnaireId(),
                        version.version(),
                        new RoundTiming(Opening.now(), Deadline.workingDays(2), ReminderPlan.none()),
                        false,
                        List.of(ana, li),
                        null))
                .orElseThrow()
                .round();

        assertThat(asking.rounds().openNow(round.id())).isEqualTo(2);

        assertThat(payload("U0ANA"))
                .contains("\"fallbackText\": \"Ana's agenda lead\"", "talk about the budget", "ask.answer")
                .containsSubsequence("talk about the budget", "Questions");
        assertThat(payload("U0LI")).doesNotContain("talk about the budget").contains("Questions: please answer by");
    }

    private String payload(String user) {
        return jdbi.withHandle(handle -> handle.select("SELECT payload::text FROM outbox WHERE target = ?", user)
                .mapTo(String.class)
                .one());
    }

    private long person(long orgId, String name, String user) {
        long id = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, profile_timezone) VALUES (?, ?, 'Europe/Lisbon')"
                                + " RETURNING id",
                        orgId,
                        name)
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                        + " VALUES (?, ?, 'slack', ?)",
                orgId,
                id,
                user));
        return id;
    }

    private record WithAgenda(long personWithAgenda) implements AskFeature {
        @Override
        public String name() {
            return "agenda";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Questions", null);
        }

        @Override
        public Map<Long, AskExtra> extras(Handle handle, Round round, List<DueAsk> due) {
            Map<Long, AskExtra> extras = new HashMap<>();
            due.stream()
                    .filter(ask -> ask.delivery().personId() == personWithAgenda)
                    .forEach(ask -> extras.put(
                            ask.delivery().askId(),
                            new AskExtra(
                                    "Ana's agenda lead",
                                    List.of(new Block.Section(Text.of("talk about the budget"))))));
            return extras;
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }
    }
}
