package dev.candor.bot.chat;

import dev.candor.bot.kudos.stats.StatsSamples;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A home of two sections, recognition's and an asking feature's, for the platforms' golden files. */
public final class HomeSamples {
    private HomeSamples() {}

    public static Message home(Platform platform) {
        HomeSection recognition = actor -> StatsSamples.home(platform).blocks();
        HomeSection nothingToShow = actor -> List.of();
        HomeSection asks = actor -> List.of(
                new Block.Header("Waiting for your answer"),
                new Block.Section(Text.builder()
                        .strong("Weekly check-in")
                        .plain(" — 3 questions, due Friday at 17:00 your time")
                        .build()),
                new Block.Buttons(List.of(new Block.Button("ask.answer", "Answer", "42", Block.ButtonStyle.PRIMARY))));
        return new Home(List.of(recognition, nothingToShow, asks)).compose(viewer(platform));
    }

    private static Actor viewer(Platform platform) {
        return new Actor(
                1,
                "T0ACME",
                1,
                platform,
                platform == Platform.SLACK ? "U0ANA" : "29:ana",
                "Ana Lopez",
                Role.EMPLOYEE,
                ZoneId.of("America/New_York"),
                Locale.ENGLISH);
    }
}
