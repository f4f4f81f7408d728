package dev.candor.scheduler.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.ask.AskOpener;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimes;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's series sweep opens a channel check-in's round for the channel's members as they are at that moment. */
class CheckinSeriesTest {
    /** Friday 2026-12-04 14:30 UTC: the weekly Friday 14:00 (UTC) round is due. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T14:30:00Z"), ZoneOffset.UTC);

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private long owner;
    private final List<Long> inChannel = new ArrayList<>();
    private final AtomicInteger listings = new AtomicInteger();
    private boolean platformDown;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id")
                .mapTo(Long.class)
                .one());
        owner = person("Maya");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void asksWhoeverIsInTheChannelWhenTheRoundOpensAndListsItOnce() {
        long checkin = channelCheckin();
        inChannel.addAll(List.of(person("Ana"), person("Li")));

        int opened = job().sweep();
        int again = job().sweep();

        assertThat(opened).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(listings).as("an opened period is not listed again").hasValue(1);
        assertThat(asked(checkin)).containsExactlyInAnyOrderElementsOf(inChannel);
    }

    @Test
    void opensNothingWhileThePlatformCannotListTheChannelAndTriesAgainNextSweep() {
        long checkin = channelCheckin();
        inChannel.add(person("Ana"));
        platformDown = true;

        assertThat(job().sweep()).isZero();
        platformDown = false;
        assertThat(job().sweep()).isEqualTo(1);
        assertThat(asked(checkin)).containsExactlyElementsOf(inChannel);
    }

    private RoundSeriesJob job() {
        Map<Long, WorkingTime> times = new HashMap<>();
        WorkingTimes workingTimes = (org, ids) -> {
            ids.forEach(id -> times.put(id, WorkingTime.defaults(ZoneId.of("UTC"))));
            return Map.copyOf(times);
        };
        AskOpener opener = new AskOpener(jdbi, workingTimes, new RoundPlanner(), (handle, due) -> due.size(), 100);
        ChannelMembers channels = (org, channel, ownerId) -> {
            listings.incrementAndGet();
            if (platformDown) {
                throw new IllegalStateException("conversations.members failed");
            }
            assertThat(channel).isEqualTo("C0TEAM");
            assertThat(ownerId).isEqualTo(owner);
            return List.copyOf(inChannel);
        };
        return new RoundSeriesJob(
                jdbi,
                FRIDAY,
                List.of(new CheckinSeries(
                        new CheckinRounds(new Rounds(jdbi, FRIDAY, workingTimes, opener), channels))));
    }

    private long channelCheckin() {
        long questionnaire = jdbi.onDemand(QuestionnaireDao.class)
                .insert(orgId, CheckinRounds.FEATURE, "[{\"id\":\"q1\",\"type\":\"mood\",\"prompt\":\"How?\"}]", null)
                .questionnaireId();
        return jdbi.onDemand(CheckinDao.class)
                .insert(
                        new Checkin(
                                0,
                                orgId,
                                owner,
                                "Stand-up",
                                Audience.CHANNEL,
                                "C0TEAM",
                                Cadence.WEEKLY,
                                5,
                                LocalTime.of(14, 0),
                                2,
                                questionnaire,
                                null,
                                LocalDate.parse("2026-11-30"),
                                true),
                        List.of())
                .id();
    }

    private List<Long> asked(long checkinId) {
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT a.person_id FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject = ?",
                        Checkin.subject(checkinId))
                .mapTo(Long.class)
                .list());
    }

    private long person(String name) {
        return jdbi.withHandle(
                handle -> handle.select("INSERT INTO people (org_id, name) VALUES (?, ?) RETURNING id", orgId, name)
                        .mapTo(Long.class)
                        .one());
    }
}
