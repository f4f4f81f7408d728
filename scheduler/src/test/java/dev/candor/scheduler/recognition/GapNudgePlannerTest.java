package dev.candor.scheduler.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Platform;
import dev.candor.storage.recognition.RecognitionGap;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GapNudgePlannerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private final GapNudgePlanner planner = new GapNudgePlanner();

    @Test
    void remindsAtNineOnMondayInTheManagersZone() {
        assertThat(slot(BERLIN, "2025-06-16T06:59:59Z")).isEmpty();
        NudgeSlot slot = slot(BERLIN, "2025-06-16T07:00:00Z").orElseThrow();

        assertThat(slot.week()).hasToString("2025-W25");
        assertThat(slot.slot()).isEqualTo("2025-06-16T07:00:00Z");
    }

    @Test
    void remindsAtNineLocalTimeOnTheMondayAfterEuropeSwitchesToSummerTime() {
        // Last Sunday of March 2025 is the 30th: on Monday the 31st, 09:00 in Berlin is 07:00Z, no longer 08:00Z.
        assertThat(slot(BERLIN, "2025-03-31T06:59:00Z")).isEmpty();
        assertThat(slot(BERLIN, "2025-03-31T07:00:00Z").orElseThrow().slot()).isEqualTo("2025-03-31T07:00:00Z");
    }

    @Test
    void remindsAtNineLocalTimeOnTheMondayAfterEuropeSwitchesBackToWinterTime() {
        // Last Sunday of October 2025 is the 26th: on Monday the 27th, 09:00 in Berlin is 08:00Z.
        assertThat(slot(BERLIN, "2025-10-27T07:59:00Z")).isEmpty();
        assertThat(slot(BERLIN, "2025-10-27T08:00:00Z").orElseThrow().slot()).isEqualTo("2025-10-27T08:00:00Z");
    }

    @Test
    void remindsAtNineLocalTimeOnTheMondayAfterAmericaSwitchesToSummerTime() {
        // Los Angeles moved to UTC-7 on Sunday 9 March 2025.
        assertThat(slot(LOS_ANGELES, "2025-03-10T15:59:00Z")).isEmpty();
        assertThat(slot(LOS_ANGELES, "2025-03-10T16:00:00Z").orElseThrow().slot())
                .isEqualTo("2025-03-10T16:00:00Z");
    }

    @Test
    void remindsAucklandOnItsMondayWhileLosAngelesIsStillOnSunday() {
        // Monday 7 April 2025 09:00 NZST (UTC+12, summer time ended the day before) is Sunday 21:00 UTC.
        Map<String, NudgeSlot> due = planner.dueZones(
                List.of("Pacific/Auckland", "America/Los_Angeles"), Instant.parse("2025-04-06T21:00:00Z"));

        assertThat(due).containsOnlyKeys("Pacific/Auckland");
        assertThat(due.get("Pacific/Auckland").week()).hasToString("2025-W15");
        assertThat(slot(AUCKLAND, "2025-04-06T20:59:00Z")).isEmpty();
    }

    @Test
    void neverRemindsOnSaturdayOrSunday() {
        assertThat(slot(BERLIN, "2025-06-14T08:00:00Z")).as("Saturday 10:00").isEmpty();
        assertThat(slot(BERLIN, "2025-06-15T08:00:00Z")).as("Sunday 10:00").isEmpty();
    }

    @Test
    void catchesUpOnTuesdayToFridayOfTheSameWeekWhenTheSweeperMissedMonday() {
        NudgeSlot tuesday = slot(BERLIN, "2025-06-17T08:00:00Z").orElseThrow();
        NudgeSlot friday = slot(BERLIN, "2025-06-20T15:59:00Z").orElseThrow();

        assertThat(tuesday.week()).hasToString("2025-W25");
        assertThat(tuesday.slot()).as("still counted from Monday 09:00").isEqualTo("2025-06-16T07:00:00Z");
        assertThat(friday).isEqualTo(tuesday);
    }

    @Test
    void waitsOutTheNightInsteadOfRemindingLate() {
        assertThat(slot(BERLIN, "2025-06-16T16:00:00Z")).as("Monday 18:00").isEmpty();
        assertThat(slot(BERLIN, "2025-06-17T06:59:00Z")).as("Tuesday 08:59").isEmpty();
        assertThat(slot(BERLIN, "2025-06-16T15:59:00Z")).as("Monday 17:59").isPresent();
    }

    @Test
    void namesTheWeekByItsIsoWeekYearAtNewYear() {
        // Monday 30 December 2024 09:00 in Auckland (UTC+13) is Sunday 20:00 UTC, and belongs to 2025-W01.
        Map<String, NudgeSlot> due = planner.dueZones(
                List.of("Pacific/Auckland", "Europe/Berlin", "America/Los_Angeles"),
                Instant.parse("2024-12-29T20:00:00Z"));

        assertThat(due).containsOnlyKeys("Pacific/Auckland");
        assertThat(due.get("Pacific/Auckland").week()).hasToString("2025-W01");
        assertThat(slot(BERLIN, "2021-01-01T09:00:00Z").orElseThrow().week()).hasToString("2020-W53");
    }

    @Test
    void readsAZoneItDoesNotKnowAsUtcButKeysItAsStored() {
        Map<String, NudgeSlot> due = planner.dueZones(List.of("Not/AZone", ""), Instant.parse("2025-06-16T09:00:00Z"));

        assertThat(due).containsOnlyKeys("Not/AZone", "");
        assertThat(due.get("Not/AZone").slot()).isEqualTo("2025-06-16T09:00:00Z");
    }

    @Test
    void groupsTheGapsOfEachManagerIntoOneNudgeForDueZonesOnly() {
        Map<String, NudgeSlot> due = planner.dueZones(List.of("Europe/Berlin"), Instant.parse("2025-06-16T07:00:00Z"));
        List<RecognitionGap> rows = List.of(
                gap(10, "Europe/Berlin", 11, "Ana"),
                gap(10, "Europe/Berlin", 12, "Bo"),
                gap(20, "Europe/Berlin", 21, "Cy"),
                gap(30, "America/Los_Angeles", 31, "Di"));

        List<GapNudge> nudges = planner.nudges(rows, due);

        assertThat(nudges).extracting(GapNudge::key).containsExactly("gap-nudge:10:2025-W25", "gap-nudge:20:2025-W25");
        assertThat(nudges.get(0).reports()).extracting(GapNudge.Report::name).containsExactly("Ana", "Bo");
        assertThat(nudges.get(0).platformUserId()).isEqualTo("U10");
        assertThat(planner.nudges(List.of(), due)).isEmpty();
    }

    private Optional<NudgeSlot> slot(ZoneId zone, String now) {
        return planner.slot(zone, Instant.parse(now));
    }

    private static RecognitionGap gap(long managerId, String zone, long reportId, String reportName) {
        return new RecognitionGap(
                1, managerId, "Manager " + managerId, zone, Platform.SLACK, "U" + managerId, 6, reportId, reportName);
    }
}
