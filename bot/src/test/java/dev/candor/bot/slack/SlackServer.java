package dev.candor.bot.slack;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Candor running for real on loopback with Slack on, a fresh database, WireMock as Slack, and a signing client. */
final class SlackServer implements AutoCloseable {
    final FakeSlack slack = new FakeSlack();
    final Database database = TestDatabase.fresh();
    final Candor candor;
    final SlackClient client;

    SlackServer() {
        this(Candor.Options.defaults());
    }

    /** With Candor's time set by the test (signatures are still checked against the real time). */
    SlackServer(Clock clock) {
        this(new Candor.Options(clock, DeliveryConfig.defaults(), null));
    }

    private SlackServer(Candor.Options options) {
        candor = Candor.start(TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, options);
        client = new SlackClient(candor.port());
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    long orgId() {
        return count("SELECT id FROM organisations WHERE slack_team_id = ?", SlackRequests.TEAM);
    }

    long count(String sql, Object... arguments) {
        return jdbi().withHandle(handle ->
                handle.select(sql, arguments).mapTo(Long.class).one());
    }

    List<Map<String, Object>> rows(String sql, Object... arguments) {
        return jdbi().withHandle(
                        handle -> handle.select(sql, arguments).mapToMap().list());
    }

    List<String> strings(String sql, Object... arguments) {
        return jdbi().withHandle(handle ->
                handle.select(sql, arguments).mapTo(String.class).list());
    }

    @Override
    public void close() {
        candor.close();
        database.close();
        slack.close();
    }
}
