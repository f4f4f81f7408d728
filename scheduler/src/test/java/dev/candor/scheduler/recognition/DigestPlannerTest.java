package dev.candor.scheduler.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Platform;
import dev.candor.storage.recognition.DigestCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestPlannerTest {
    private static final int MONDAY = 1;
    private static final int FRIDAY = 5;
    private static final int SUNDAY = 7;

    private final DigestPlanner planner = new DigestPlanner();

    @Test
    void isDueAtHrsDayAndTimeInTheOrganisationsZoneOnEveryChannel() {
        DigestCandidate berlin = candidate("Europe/Berlin", FRIDAY, "16:00", "C0KUDOS", "19:kudos@thread.tacv2");

        assertThat(dueAt(berlin, "2025-06-13T13:59:59Z")).isEmpty();
        List<DueDigest> due = dueAt(berlin, "2025-06-13T14:00:00Z");

        assertThat(due).extracting(DueDigest::platform).containsExactly(Platform.SLACK, Platform.TEAMS);
        assertThat(due).extracting(DueDigest::channel).containsExactly("C0KUDOS", "19:kudos@thread.tacv2");
        assertThat(due)
                .extracting(DueDigest::key)
                .containsExactly("digest:1:slack:2025-W24", "digest:1:teams:2025-W24");
        assertThat(due.get(0).from()).isEqualTo("2025-06-06T14:00:00Z");
        assertThat(due.get(0).to()).isEqualTo("2025-06-13T14:00:00Z");
    }

    @Test
    void staysAtSixteenHundredLocalOnTheDayEuropeSwitchesToSummerTime() {
        // Sunday 30 March 2025: Berlin moves from UTC+1 to UTC+2 at 02:00.
        DigestCandidate berlin = candidate("Europe/Berlin", SUNDAY, "16:00", "C0KUDOS", null);

        assertThat(dueAt(berlin, "2025-03-30T13:59:00Z")).isEmpty();
        DueDigest due = dueAt(berlin, "2025-03-30T14:00:00Z").get(0);

        assertThat(due.to()).isEqualTo("2025-03-30T14:00:00Z");
        assertThat(due.from()).as("last Sunday 16:00 was still UTC+1").isEqualTo("2025-03-23T15:00:00Z");
        assertThat(Duration.between(due.from(), due.to())).isEqualTo(Duration.ofHours(167));
        assertThat(due.week()).hasToString("2025-W13");
    }

    @Test
    void staysAtSixteenHundredLocalOnTheDayAmericaSwitchesToSummerTime() {
        // Sunday 9 March 2025: Los Angeles moves from UTC-8 to UTC-7.
        DigestCandidate losAngeles = candidate("America/Los_Angeles", SUNDAY, "16:00", "C0KUDOS", null);

        assertThat(dueAt(losAngeles, "2025-03-09T22:59:00Z")).isEmpty();
        DueDigest due = dueAt(losAngeles, "2025-03-09T23:00:00Z").get(0);

        assertThat(due.from()).as("last Sunday 16:00 was still UTC-8").isEqualTo("2025-03-03T00:00:00Z");
        assertThat(due.to()).isEqualTo("2025-03-09T23:00:00Z");
    }

    @Test
    void isDueOnAucklandsMondayWhileItIsStillSundayInUtc() {
        // Monday 7 April 2025 09:00 in Auckland, the day after New Zealand left summer time (UTC+13 -> UTC+12).
        DigestCandidate auckland = candidate("Pacific/Auckland", MONDAY, "09:00", "C0KUDOS", null);

        DueDigest due = dueAt(auckland, "2025-04-06T21:00:00Z").get(0);

        assertThat(due.week()).hasToString("2025-W15");
        assertThat(due.from()).as("last Monday 09:00 was UTC+13").isEqualTo("2025-03-30T20:00:00Z");
        assertThat(dueAt(auckland, "2025-04-06T20:59:00Z")).isEmpty();
    }

    @Test
    void skipsTheWeekWhenMoreThanThreeHoursLate() {
        DigestCandidate berlin = candidate("Europe/Berlin", FRIDAY, "16:00", "C0KUDOS", null);

        assertThat(dueAt(berlin, "2025-06-13T17:00:00Z")).hasSize(1);
        assertThat(dueAt(berlin, "2025-06-13T17:00:01Z")).isEmpty();
        assertThat(dueAt(berlin, "2025-06-16T08:00:00Z")).as("Monday after").isEmpty();
    }

    @Test
    void keepsLastWeeksKeyWhenALateSweepCrossesMidnightIntoANewIsoWeek() {
        DigestCandidate utc = candidate("UTC", SUNDAY, "23:00", "C0KUDOS", null);

        DueDigest due = dueAt(utc, "2025-01-06T00:30:00Z").get(0);

        assertThat(due.key()).isEqualTo("digest:1:slack:2025-W01");
        assertThat(due.to()).isEqualTo("2025-01-05T23:00:00Z");
    }

    @Test
    void turnsAtMidnightForAMidnightSlot() {
        DigestCandidate losAngeles = candidate("America/Los_Angeles", MONDAY, "00:00", "C0KUDOS", null);

        assertThat(dueAt(losAngeles, "2025-06-16T06:59:59Z"))
                .as("Sunday 23:59:59 local")
                .isEmpty();
        assertThat(dueAt(losAngeles, "2025-06-16T07:00:00Z").get(0).week()).hasToString("2025-W25");
    }

    @Test
    void namesTheWeekByItsIsoWeekYearAtNewYear() {
        DigestCandidate friday = candidate("Europe/Berlin", FRIDAY, "16:00", "C0KUDOS", null);
        DigestCandidate monday = candidate("Europe/Berlin", MONDAY, "09:00", "C0KUDOS", null);

        assertThat(dueAt(friday, "2021-01-01T15:00:00Z").get(0).week()).hasToString("2020-W53");
        assertThat(dueAt(monday, "2024-12-30T08:00:00Z").get(0).week()).hasToString("2025-W01");
    }

    @Test
    void movesASlotThatSummerTimeSkipsForwardByTheGap() {
        // 02:30 does not exist in Berlin on 30 March 2025; the digest goes at 03:30 CEST.
        DigestCandidate berlin = candidate("Europe/Berlin", SUNDAY, "02:30", "C0KUDOS", null);

        assertThat(dueAt(berlin, "2025-03-30T01:29:00Z")).isEmpty();
        assertThat(dueAt(berlin, "2025-03-30T01:30:00Z").get(0).to()).isEqualTo("2025-03-30T01:30:00Z");
    }

    @Test
    void postsNothingWhenTheDigestIsOffOrThereIsNoKudosChannel() {
        String now = "2025-06-13T14:00:00Z";
        DigestCandidate off = new DigestCandidate(1, "Europe/Berlin", false, FRIDAY, LocalTime.of(16, 0), "C0K", null);
        DigestCandidate noChannel = candidate("Europe/Berlin", FRIDAY, "16:00", null, " ");
        DigestCandidate teamsOnly = candidate("Europe/Berlin", FRIDAY, "16:00", null, "19:kudos@thread.tacv2");

        assertThat(dueAt(off, now)).isEmpty();
        assertThat(dueAt(noChannel, now)).isEmpty();
        assertThat(dueAt(teamsOnly, now)).extracting(DueDigest::platform).containsExactly(Platform.TEAMS);
    }

    @Test
    void readsAZoneItDoesNotKnowAsUtc() {
        DigestCandidate unknown = candidate("Mars/Olympus_Mons", FRIDAY, "16:00", "C0KUDOS", null);

        assertThat(dueAt(unknown, "2025-06-13T15:59:00Z")).isEmpty();
        assertThat(dueAt(unknown, "2025-06-13T16:00:00Z")).hasSize(1);
    }

    @Test
    void isPureSoAFixedClockGivesTheSameAnswerEveryTime() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-13T14:05:00Z"), ZoneOffset.UTC);
        List<DigestCandidate> candidates = List.of(
                candidate("Europe/Berlin", FRIDAY, "16:00", "C0KUDOS", null),
                candidate("America/Los_Angeles", FRIDAY, "16:00", "C0KUDOS", null));

        List<DueDigest> first = planner.due(candidates, clock.instant());

        assertThat(first).hasSize(1).isEqualTo(planner.due(candidates, clock.instant()));
        assertThat(first.get(0).zone()).hasToString("Europe/Berlin");
    }

    private List<DueDigest> dueAt(DigestCandidate candidate, String now) {
        return planner.due(List.of(candidate), Instant.parse(now));
    }

    private static DigestCandidate candidate(String zone, int day, String time, String slack, String teams) {
        return new DigestCandidate(1, zone, true, day, LocalTime.parse(time), slack, teams);
    }
}
