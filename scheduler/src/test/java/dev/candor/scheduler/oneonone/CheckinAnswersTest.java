package dev.candor.scheduler.oneonone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.oneonone.CheckinAnswerSeed;
import dev.candor.storage.oneonone.OneOnOneDao;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a 1:1's agenda shows from the report's check-ins, read from the asking engine on a real database. */
class CheckinAnswersTest {
    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private long gil;
    private long li;
    private long ana;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = id("INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', 'T1') RETURNING id");
        gil = person("Gil");
        li = person("Li");
        ana = person("Ana");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void showsMoodAndBlockersOfTheReportsLatestCheckinToTheManager() {
        long oneOnOne = oneOnOne(gil, ana);
        CheckinAnswerSeed weekly = CheckinAnswerSeed.checkin(jdbi, orgId, gil);
        weekly.answered(jdbi, ana, "2026-W08", Instant.parse("2026-02-20T14:00:00Z"), values(4, "Nothing really"));
        weekly.answered(jdbi, ana, "2026-W09", Instant.parse("2026-02-27T14:00:00Z"), values(2, "The design review"));

        assertThat(latest(oneOnOne)).containsExactly(Map.entry(oneOnOne, highlights(2, "The design review")));
    }

    @Test
    void leavesOutACheckinToAnotherManagerEvenWhenItIsNewer() {
        long oneOnOne = oneOnOne(gil, ana);
        CheckinAnswerSeed.checkin(jdbi, orgId, gil)
                .answered(jdbi, ana, "2026-W08", Instant.parse("2026-02-20T14:00:00Z"), values(3, "Budget approval"));
        CheckinAnswerSeed.checkin(jdbi, orgId, li)
                .answered(jdbi, ana, "2026-W09", Instant.parse("2026-02-27T14:00:00Z"), values(1, "Li's secret"));

        assertThat(latest(oneOnOne).get(oneOnOne)).isEqualTo(new CheckinHighlights(3, "Budget approval", "2026-W08"));
    }

    @Test
    void showsNoCheckinWhenTheReportAnsweredOnlyAnotherManagers() {
        long oneOnOne = oneOnOne(gil, ana);
        CheckinAnswerSeed.checkin(jdbi, orgId, li)
                .answered(jdbi, ana, "2026-W09", Instant.parse("2026-02-27T14:00:00Z"), values(1, "Li's secret"));

        assertThat(latest(oneOnOne)).isEmpty();
    }

    @Test
    void noneMeansNoBlockersAndAMissingMoodStaysEmpty() {
        long oneOnOne = oneOnOne(gil, ana);
        CheckinAnswerSeed.checkin(jdbi, orgId, gil)
                .answered(jdbi, ana, "2026-W09", Instant.parse("2026-02-27T14:00:00Z"), "{\"q3\":\"None.\"}");

        assertThat(latest(oneOnOne).get(oneOnOne)).isEqualTo(new CheckinHighlights(null, null, "2026-W09"));
    }

    private Map<Long, CheckinHighlights> latest(long oneOnOneId) {
        return jdbi.withHandle(handle -> new CheckinAnswers().of(handle, new long[] {oneOnOneId}));
    }

    private static CheckinHighlights highlights(int mood, String blockers) {
        return new CheckinHighlights(mood, blockers, "2026-W09");
    }

    private static String values(int mood, String blockers) {
        return "{\"q1\":" + mood + ",\"q2\":\"Shipped\",\"q3\":\"" + blockers + "\",\"q4\":\"More\"}";
    }

    private long oneOnOne(long manager, long report) {
        return jdbi.onDemand(OneOnOneDao.class)
                .save(
                        orgId,
                        manager,
                        report,
                        1,
                        2,
                        LocalTime.of(10, 0),
                        "UTC",
                        LocalDateTime.parse("2026-03-03T10:00"),
                        Instant.parse("2026-03-03T09:00:00Z"))
                .id();
    }

    private long person(String name) {
        return id("INSERT INTO people (org_id, name) VALUES (" + orgId + ", '" + name + "') RETURNING id");
    }

    private long id(String sql) {
        return jdbi.withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }
}
