package dev.candor.bot.checkin;

import static dev.candor.bot.checkin.CheckinFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.ask.AskFeatures;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.RoundCloser;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Checkin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a check-in round, through the production router on both platforms on a real database, with the engine's
 * closing sweep run at times the test sets: the owner's digest, Reply, Remind, the stand-up channel, team and history.
 */
class CheckinAfterRoundTest {
    /** A Wednesday: 10:00 in London, where Ana and Li work in these tests. */
    static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(WEDNESDAY);

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aRoundNobodyAnsweredStillGetsOneDigestWithARemindButton(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();

            team.closeAfterDeadline(round);
            team.closeAfterDeadline(round);

            assertThat(team.count("SELECT count(*) FROM outbox WHERE idempotency_key = ?", digestKey(round)))
                    .isEqualTo(1);
            assertThat(team.target(digestKey(round))).isEqualTo(team.userId("MAYA"));
            assertThat(team.payload(digestKey(round)))
                    .contains("Nobody answered yet. Asked: Ana, Li.")
                    .contains("\"checkin.remind\"")
                    .doesNotContain("checkin.reply");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theDigestComesAsSoonAsEveryoneAnsweredWithBlockersFirstAndTheMoodTrend(Platform platform) {
        try (Team team = new Team(platform)) {
            long first = team.send();
            team.answer(team.f.ana, first, "2", "none");
            team.answer(team.f.li, first, "4", "none");
            team.closeAt(clock.instant(), first);
            clock.advance(Duration.ofDays(7));
            long second = team.send();
            team.answer(team.f.ana, second, "4", "none");
            team.answer(team.f.li, second, "3", "Waiting for the staging database");

            team.closeAt(clock.instant(), second);

            String digest = team.payload(digestKey(second));
            assertThat(digest)
                    .contains("Waiting for the staging database", "🚧 Blocked", "Reply to Ana", "Reply to Li");
            assertThat(digest.indexOf("Reply to Li")).isLessThan(digest.indexOf("Reply to Ana"));
            assertThat(digest).contains("↗").contains("↘").doesNotContain("checkin.remind");
            assertThat(team.payload(digestKey(first))).contains("2 of 2 answered");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aReplyReachesThePersonUnderTheirAskAndShowsInTheirHistory(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();
            team.answer(team.f.ana, round, "4", "none");
            team.closeAfterDeadline(round);

            Form form = ((Reply.OpenForm)
                            team.f.press(team.f.maya, "checkin.reply", round + ":" + team.f.ana.personId()))
                    .form();
            Reply sent = team.f.submit(team.f.maya, form, Map.of("reply", List.of("Great week, thank you!")));

            assertThat(text(sent)).startsWith("✅ Sent to Ana, under their check-in \"Weekly check-in\"");
            Map<String, Object> row = team.f.base.jdbi().withHandle(handle -> handle.select(
                            "SELECT operation, target, earlier_key FROM outbox WHERE idempotency_key LIKE"
                                    + " 'checkin:reply:%'")
                    .mapToMap()
                    .one());
            if (platform == Platform.SLACK) {
                assertThat(row)
                        .containsEntry("operation", "reply")
                        .containsEntry("earlier_key", "ask:" + team.ask(round, team.f.ana) + ":open");
            } else {
                assertThat(row).containsEntry("operation", "post").containsEntry("target", team.userId("ANA"));
            }
            assertThat(AdminFixturePrivately.blocks(team.f.checkin(team.f.ana, "history")))
                    .contains("Great week, thank you!");
            assertThat(AdminFixturePrivately.blocks(team.f.checkin(team.f.li, "history")))
                    .doesNotContain("Great week");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theRemindButtonRemindsOnlyWhoHasNotAnsweredAndLetsThemAnswerLate(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();
            team.answer(team.f.ana, round, "4", "none");
            team.closeAfterDeadline(round);

            String reminded = text(team.f.press(team.f.maya, "checkin.remind", String.valueOf(round)));

            assertThat(reminded).startsWith("⏰ Reminded 1: Li.").contains("can answer until");
            assertThat(team.strings("SELECT target FROM outbox WHERE idempotency_key LIKE 'checkin:remind:%'"))
                    .containsExactly(team.userId("LI"));
            assertThat(team.f.press(team.f.li, "ask.answer", String.valueOf(team.ask(round, team.f.li))))
                    .isInstanceOf(Reply.OpenForm.class);
            team.answer(team.f.li, round, "3", "none");
            assertThat(team.count("SELECT count(*) FROM asks WHERE round_id = ? AND state = 'answered'", round))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aLateAnswerReachesTheOwnerOnceAndTheRoundClosesAgainWithoutASecondDigest(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();
            team.answer(team.f.ana, round, "4", "none");
            team.closeAfterDeadline(round);
            team.f.press(team.f.maya, "checkin.remind", String.valueOf(round));
            assertThat(team.strings("SELECT state FROM rounds WHERE id = ?", round))
                    .containsExactly("open");
            clock.advance(CheckinReminders.LATE.minusMinutes(5));
            team.closeAt(clock.instant(), round, "open");

            team.answer(team.f.li, round, "2", "The build server is down");
            team.closeAt(clock.instant(), round, "closed");

            String late = team.payload(CheckinRoundEvents.lateKey(round, team.f.li.personId()));
            assertThat(team.target(CheckinRoundEvents.lateKey(round, team.f.li.personId())))
                    .isEqualTo(team.userId("MAYA"));
            assertThat(late)
                    .contains("Li answered \\\"Weekly check-in\\\"", "after your digest")
                    .contains("The build server is down", "🚧 Blocked", "Reply to Li");
            assertThat(team.count("SELECT count(*) FROM outbox WHERE idempotency_key = ?", digestKey(round)))
                    .isEqualTo(1);
            assertThat(team.count(
                            "SELECT count(*) FROM outbox WHERE idempotency_key = ? AND operation = 'update'",
                            "ask:" + team.ask(round, team.f.li) + ":open:answered"))
                    .isEqualTo(1);
            assertThat(team.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'checkin:%:late:%'"))
                    .as("Ana answered in time: in the digest, not late")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aRoundAnsweredBeforeItsDmWentOutIsInTheHistory(Platform platform) {
        try (Team team = new Team(platform)) {
            team.f
                    .base
                    .jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE people SET profile_timezone = 'America/Los_Angeles' WHERE id = ?",
                            team.f.li.personId()));
            long round = team.send();
            assertThat(team.count("SELECT count(*) FROM asks WHERE round_id = ? AND sent_at IS NULL", round))
                    .as("Li's ask waits for her morning")
                    .isEqualTo(1);

            team.answer(team.f.li, round, "4", "none");

            String period = team.strings("SELECT period FROM rounds WHERE id = ?", round)
                    .get(0);
            assertThat(AdminFixturePrivately.blocks(team.f.checkin(team.f.li, "history")))
                    .contains("Weekly check-in — " + period)
                    .contains("Shipped the importer");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void checkinRemindRemindsEveryoneWaitingAndSaysWho(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();
            team.answer(team.f.li, round, "4", "none");

            String first = text(team.f.checkin(team.f.maya, "remind"));
            String again = text(team.f.checkin(team.f.maya, "remind"));

            assertThat(first).isEqualTo("⏰ Reminded 1: Ana.");
            assertThat(again).isEqualTo("They were reminded today already: Ana.");
            assertThat(team.payload("checkin:remind:" + team.ask(round, team.f.ana) + ":2026-12-02"))
                    .contains("Maya reminds you", "\"ask.answer\"")
                    .as("Ana's deadline in her own time, London, as the engine's ask DM says it")
                    .contains("Please answer by Friday 4 December, 10:00 (your time).");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aPeerOrAnotherManagerCannotReplyOrRemindOnSomeoneElsesDigest(Platform platform) {
        try (Team team = new Team(platform)) {
            long round = team.send();
            team.answer(team.f.ana, round, "4", "none");
            team.closeAfterDeadline(round);
            String reply = round + ":" + team.f.ana.personId();

            assertThat(text(team.f.press(team.f.li, "checkin.reply", reply))).contains("Only the check-in's owner");
            assertThat(text(team.f.press(team.f.omar, "checkin.reply", reply))).contains("Only the check-in's owner");
            assertThat(text(team.f.press(team.f.omar, "checkin.remind", String.valueOf(round))))
                    .contains("Only the check-in's owner");
            assertThat(text(team.f.press(team.f.ana, "checkin.remind", String.valueOf(round))))
                    .contains("Only the check-in's owner");
            assertThat(team.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'checkin:re%'"))
                    .isZero();
            assertThat(team.count("SELECT count(*) FROM asks WHERE round_id = ? AND state = 'expired'", round))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aStandupPostsEachAnswerToItsChannelOnceAndAnEditUpdatesThePost(Platform platform) {
        try (Team team = new Team(platform)) {
            team.f
                    .base
                    .jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE checkins SET standup_channel = ? WHERE id = ?", team.channel(), team.checkinId));
            long round = team.send();
            String key = "checkin:" + round + ":standup:" + team.f.ana.personId();

            team.answer(team.f.ana, round, "4", "Shipping the importer");
            clock.advance(Duration.ofMinutes(5));
            team.answer(team.f.ana, round, "5", "none");

            assertThat(team.rows("SELECT operation, target FROM outbox WHERE idempotency_key = ?", key))
                    .containsExactly(Map.of("operation", "post", "target", team.channel()));
            assertThat(team.payload(key)).contains("Shipping the importer", "🚧 Blocked");
            assertThat(team.strings(
                            "SELECT payload::text FROM outbox WHERE earlier_key = ? AND operation = 'update'", key))
                    .singleElement()
                    .satisfies(update -> assertThat(update).doesNotContain("Blocked"));
            assertThat(team.count(
                            "SELECT count(*) FROM outbox WHERE idempotency_key LIKE ?",
                            "checkin:" + round + ":standup:" + team.f.li.personId() + "%"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void teamShowsTheLatestRoundAndEachPersonsMoodOverTheRounds(Platform platform) {
        try (Team team = new Team(platform)) {
            long first = team.send();
            team.answer(team.f.ana, first, "2", "none");
            team.closeAfterDeadline(first);
            clock.advance(Duration.ofDays(7));
            long second = team.send();
            team.answer(team.f.ana, second, "5", "none");

            Reply view = team.f.checkin(team.f.maya, "team");

            assertThat(text(view)).isEqualTo("Weekly check-in: 1 of 2 answered");
            assertThat(AdminFixturePrivately.blocks(view)).contains("Waiting for: Li", "🙁 😄", "· ·");
        }
    }

    private static String digestKey(long round) {
        return "checkin:" + round + ":digest";
    }

    /** Maya's default check-in for Ana and Li, who work in London; the engine's closing sweep on the same clock. */
    private final class Team implements AutoCloseable {
        final CheckinFixture f;
        final long checkinId;
        final RoundCloser closer;

        Team(Platform platform) {
            f = new CheckinFixture(platform, clock);
            f.base.jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE people SET timezone = 'Europe/London', profile_timezone = 'Europe/London' WHERE id IN (?, ?)",
                            f.ana.personId(),
                            f.li.personId()));
            checkinId = f.setUpDefault(f.maya);
            closer = new RoundCloser(f.base.jdbi(), new AskFeatures().register(Checkins.feature(f.base.jdbi())));
        }

        long send() {
            assertThat(text(f.checkin(f.maya, "send"))).startsWith("📨");
            return count("SELECT max(id) FROM rounds WHERE subject = ?", Checkin.subject(checkinId));
        }

        void answer(Actor person, long round, String mood, String blocker) {
            Form form = ((Reply.OpenForm) f.press(person, "ask.answer", String.valueOf(ask(round, person)))).form();
            Reply saved = f.submit(
                    person,
                    form,
                    Map.of(
                            "q1", List.of(mood),
                            "q2", List.of("Shipped the importer"),
                            "q3", List.of(blocker),
                            "q4", List.of("The docs")));
            assertThat(text(saved)).as("answer saved").contains("your answer is saved");
        }

        void closeAfterDeadline(long round) {
            Instant closes = f.base.jdbi()
                    .withHandle(handle -> handle.select("SELECT closes_at FROM rounds WHERE id = ?", round)
                            .mapTo(Instant.class)
                            .one());
            clock.set(closes.plusSeconds(60));
            closeAt(clock.instant(), round);
        }

        void closeAt(Instant now, long round) {
            closeAt(now, round, "closed");
        }

        /** Runs the closing sweep at {@code now}; the round is then in {@code state}. */
        void closeAt(Instant now, long round, String state) {
            closer.closeDue(now);
            assertThat(strings("SELECT state FROM rounds WHERE id = ?", round)).containsExactly(state);
        }

        long ask(long round, Actor person) {
            return count("SELECT id FROM asks WHERE round_id = ? AND person_id = ?", round, person.personId());
        }

        String channel() {
            return f.channel().conversationId();
        }

        String userId(String name) {
            return f.platform == Platform.SLACK ? "U0" + name : "29:" + name.toLowerCase(java.util.Locale.ROOT);
        }

        String payload(String key) {
            List<String> payloads = strings("SELECT payload::text FROM outbox WHERE idempotency_key = ?", key);
            assertThat(payloads).as(key).hasSize(1);
            return payloads.get(0);
        }

        String target(String key) {
            return strings("SELECT target FROM outbox WHERE idempotency_key = ?", key)
                    .get(0);
        }

        long count(String sql, Object... arguments) {
            return f.base.jdbi()
                    .withHandle(handle ->
                            handle.select(sql, arguments).mapTo(Long.class).one());
        }

        List<String> strings(String sql, Object... arguments) {
            return f.base.jdbi()
                    .withHandle(handle ->
                            handle.select(sql, arguments).mapTo(String.class).list());
        }

        List<Map<String, Object>> rows(String sql, Object... arguments) {
            return f.base.jdbi()
                    .withHandle(
                            handle -> handle.select(sql, arguments).mapToMap().list());
        }

        @Override
        public void close() {
            f.close();
        }
    }

    /** The blocks of a private answer, as text to search. */
    private static final class AdminFixturePrivately {
        static String blocks(Reply reply) {
            return dev.candor.bot.admin.AdminFixture.privately(reply).blocks().toString();
        }
    }
}
