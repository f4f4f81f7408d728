package dev.candor.bot.people.away;

import dev.candor.bot.admin.AdminFixture;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.people.AwayDao;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every kind of message {@code /candor away} sends, produced by the real handler on a real database on Wednesday
 * 2 December 2026, for the golden files of each platform's renderer.
 */
public final class AwayGoldenMessages {
    public static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private AwayGoldenMessages() {}

    public static Map<String, Message> of(Platform platform) {
        try (AdminFixture fixture = new AdminFixture(Clock.fixed(NOW, ZoneOffset.UTC))) {
            boolean slack = platform == Platform.SLACK;
            Actor ana = fixture.person(platform, slack ? "U0ANA" : "29:ana", "Ana", "Europe/Lisbon", Role.EMPLOYEE);
            Map<String, Message> messages = new LinkedHashMap<>();
            messages.put("away-not-away", fixture.candor(ana, "away"));
            messages.put("away-set", fixture.candor(ana, "away until 2026-12-24"));
            messages.put("away-status", fixture.candor(ana, "away"));
            messages.put("away-back", fixture.candor(ana, "away off"));
            messages.put("away-usage", fixture.candor(ana, "away until 24/12"));
            if (slack) {
                fixture.jdbi()
                        .onDemand(AwayDao.class)
                        .setStatus(ana.orgId(), ana.personId(), true, Instant.parse("2026-12-04T00:00:00Z"));
                messages.put("away-slack-status", fixture.candor(ana, "away"));
                messages.put("away-back-from-status", fixture.candor(ana, "away off"));
            }
            return messages;
        }
    }
}
