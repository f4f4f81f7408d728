package dev.candor.bot.checkin;

import dev.candor.bot.admin.AdminFixture;
import dev.candor.bot.ask.AskFeatures;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.ask.RoundCloser;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Checkin;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of a check-in after its rounds (digests, team view, history, reply confirmation, reminder, late
 * answer), made by the production code from four rounds played on a fresh database at fixed times, for the golden
 * files of both platforms.
 */
public final class CheckinSamples {
    private static final Map<Platform, Map<String, Message>> made = new ConcurrentHashMap<>();

    private CheckinSamples() {}

    public static Map<String, Message> messages(Platform platform) {
        return made.computeIfAbsent(platform, CheckinSamples::play);
    }

    private static Map<String, Message> play(Platform platform) {
        MutableClock clock = new MutableClock(CheckinAfterRoundTest.WEDNESDAY);
        Map<String, Message> messages = new LinkedHashMap<>();
        try (CheckinFixture f = new CheckinFixture(platform, clock)) {
            f.base.jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE people SET profile_timezone = 'Europe/London' WHERE id IN (?, ?)",
                            f.ana.personId(),
                            f.li.personId()));
            long checkin = f.setUpDefault(f.maya);
            RoundCloser closer =
                    new RoundCloser(f.base.jdbi(), new AskFeatures().register(Checkins.feature(f.base.jdbi())));
            long first = send(f, checkin);
            answer(f, f.ana, first, "2", "none");
            answer(f, f.li, first, "4", "none");
            closer.closeDue(clock.instant());
            clock.advance(Duration.ofDays(7));
            long second = send(f, checkin);
            answer(f, f.ana, second, "4", "none");
            answer(f, f.li, second, "3", "Waiting for the staging database");
            closer.closeDue(clock.instant());
            messages.put("checkin-digest", queued(f, "checkin:" + second + ":digest"));
            Form form = ((Reply.OpenForm) f.press(f.maya, "checkin.reply", second + ":" + f.ana.personId())).form();
            messages.put(
                    "checkin-reply-sent",
                    AdminFixture.privately(f.submit(f.maya, form, Map.of("reply", List.of("Great week, thank you!")))));
            clock.advance(Duration.ofDays(7));
            long third = send(f, checkin);
            answer(f, f.li, third, "4", "none");
            messages.put("checkin-team", AdminFixture.privately(f.checkin(f.maya, "team")));
            messages.put("checkin-history", AdminFixture.privately(f.checkin(f.ana, "history")));
            clock.set(closes(f, third).plusSeconds(60));
            closer.closeDue(clock.instant());
            clock.advance(Duration.ofDays(7));
            long fourth = send(f, checkin);
            clock.set(closes(f, fourth).plusSeconds(60));
            closer.closeDue(clock.instant());
            messages.put("checkin-digest-nobody", queued(f, "checkin:" + fourth + ":digest"));
            f.press(f.maya, "checkin.remind", String.valueOf(fourth));
            messages.put("checkin-reminder", queued(f, "checkin:remind:" + ask(f, fourth, f.ana) + ":%"));
            answer(f, f.ana, fourth, "3", "none");
            messages.put("checkin-late-answer", queued(f, "checkin:" + fourth + ":late:" + f.ana.personId()));
        }
        return messages;
    }

    private static long send(CheckinFixture f, long checkin) {
        f.checkin(f.maya, "send");
        return f.count("SELECT max(id)::int FROM rounds WHERE subject = ?", Checkin.subject(checkin));
    }

    private static void answer(CheckinFixture f, Actor person, long round, String mood, String blocker) {
        Form form = ((Reply.OpenForm) f.press(person, "ask.answer", String.valueOf(ask(f, round, person)))).form();
        f.submit(
                person,
                form,
                Map.of(
                        "q1", List.of(mood),
                        "q2", List.of("Shipped the importer"),
                        "q3", List.of(blocker),
                        "q4", List.of("The docs")));
    }

    private static long ask(CheckinFixture f, long round, Actor person) {
        return f.count("SELECT id::int FROM asks WHERE round_id = ? AND person_id = ?", round, person.personId());
    }

    private static Instant closes(CheckinFixture f, long round) {
        return f.base.jdbi().withHandle(handle -> handle.select("SELECT closes_at FROM rounds WHERE id = ?", round)
                .mapTo(Instant.class)
                .one());
    }

    private static Message queued(CheckinFixture f, String key) {
        return MessageJson.read(f.base.jdbi().withHandle(handle -> handle.select(
                        "SELECT payload::text FROM outbox WHERE idempotency_key LIKE ?", key)
                .mapTo(String.class)
                .one()));
    }
}
