package dev.candor.bot.kudos.digest;

import dev.candor.bot.chat.Message;
import dev.candor.scheduler.recognition.DueDigest;
import dev.candor.scheduler.recognition.GapNudge;
import dev.candor.scheduler.recognition.IsoWeek;
import dev.candor.scheduler.recognition.WeekInReview;
import dev.candor.storage.Platform;
import dev.candor.storage.recognition.Highlight;
import dev.candor.storage.recognition.ValueCount;
import dev.candor.storage.recognition.WeekTotals;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The digest and nudge messages the golden files show, on one platform. */
public final class DigestSamples {
    private DigestSamples() {}

    /** Golden file name (without .json) to message. */
    public static Map<String, Message> messages(Platform platform) {
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put("kudos-digest", DigestMessages.weekly(digest(platform), busyWeek()));
        messages.put(
                "kudos-digest-quiet",
                DigestMessages.weekly(digest(platform), new WeekInReview(new WeekTotals(0, 0), List.of(), List.of())));
        messages.put("gap-nudge", GapNudgeMessages.nudge(nudge(platform)));
        return messages;
    }

    private static DueDigest digest(Platform platform) {
        return new DueDigest(
                1,
                platform,
                platform == Platform.SLACK ? "C0KUDOS" : "19:kudos@thread.tacv2",
                new IsoWeek(2025, 24),
                Instant.parse("2025-06-06T14:00:00Z"),
                Instant.parse("2025-06-13T14:00:00Z"),
                ZoneId.of("Europe/Berlin"));
    }

    private static WeekInReview busyWeek() {
        Instant at = Instant.parse("2025-06-11T09:00:00Z");
        return new WeekInReview(
                new WeekTotals(7, 4),
                List.of(new ValueCount("ownership", "Ownership", "🚀", 2), new ValueCount("craft", null, null, 1)),
                List.of(
                        new Highlight(2, "Ana", List.of("Li"), "pairing on the <flaky> test & *more*", 2, at),
                        new Highlight(1, "Gil", List.of("Ana", "Li"), "thanks for the calm release", 0, at),
                        new Highlight(
                                5,
                                "Cy",
                                List.of("Ana", "Bo", "Di", "Eve", "Fay"),
                                "thanks for staying late to get the docs, the screenshots and the release notes ready"
                                        + " for the launch, and for answering every question in the channel",
                                0,
                                at)));
    }

    private static GapNudge nudge(Platform platform) {
        return new GapNudge(
                1,
                7,
                "Maria Schmidt",
                platform,
                platform == Platform.SLACK ? "U0MARIA" : "29:maria",
                new IsoWeek(2025, 25),
                6,
                List.of(new GapNudge.Report(11, "Bo Berg"), new GapNudge.Report(12, "Cy")));
    }
}
