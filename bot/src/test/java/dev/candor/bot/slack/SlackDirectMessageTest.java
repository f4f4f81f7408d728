package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DMs go to the channel {@code conversations.open} gives, opened once per person; refusals are parked and kept. */
class SlackDirectMessageTest {
    private static final AtomicInteger ids = new AtomicInteger();

    private final FakeSlack slack = new FakeSlack();
    private final Database database = TestDatabase.fresh();
    private final ChatGateway gateway =
            new SlackModule("secret", "xoxb-test-token", slack.apiUrl()).gateway(database.jdbi());
    private final long orgId = database.jdbi()
            .onDemand(OrganisationDao.class)
            .upsertSlack("T0ACME", "Acme")
            .id();

    @AfterEach
    void stop() {
        database.close();
        slack.close();
    }

    @Test
    void opensTheDmOnceAndSendsEveryMessageToItsChannel() {
        Person ana = person("U0ANA", "Ana");

        DeliveryResult first = gateway.deliver(dm("U0ANA"));
        DeliveryResult second = gateway.deliver(dm("U0ANA"));

        assertThat(List.of(first, second)).allSatisfy(result -> assertThat(result)
                .isInstanceOfSatisfying(DeliveryResult.Sent.class, sent -> assertThat(sent.platformMessageId())
                        .isEqualTo("1700000000.000100")));
        assertThat(slack.calls("conversations.open")).singleElement().satisfies(open -> assertThat(open)
                .containsEntry("users", "U0ANA"));
        assertThat(slack.calls("chat.postMessage")).hasSize(2).allSatisfy(post -> assertThat(post)
                .containsEntry("channel", "D0ANA"));
        assertThat(rows(
                        "SELECT conversation_id, kind, person_id, platform_user_id FROM conversation_refs"
                                + " WHERE org_id = ? AND platform = 'slack'",
                        orgId))
                .singleElement()
                .isEqualTo(Map.of(
                        "conversation_id", "D0ANA", "kind", "dm", "person_id", ana.id(), "platform_user_id", "U0ANA"));
    }

    @Test
    void keepsTheDmOfSomeoneCandorHasNoPersonFor() {
        gateway.deliver(dm("U0NEW"));
        gateway.deliver(dm("U0NEW"));

        assertThat(slack.calls("conversations.open")).hasSize(1);
        assertThat(slack.calls("chat.postMessage"))
                .allSatisfy(post -> assertThat(post).containsEntry("channel", "D0NEW"));
    }

    @Test
    void parksADeactivatedPersonWithSlacksReasonAndRemembersIt() {
        slack.refuseDm("U0GONE", "user_disabled");

        DeliveryResult result = gateway.deliver(dm("U0GONE"));

        assertThat(result).isEqualTo(new DeliveryResult.Permanent("user_disabled"));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(failures()).containsExactly(Map.of("platform_user_id", "U0GONE", "reason", "user_disabled"));
    }

    @Test
    void parksSomeoneSlackDoesNotKnow() {
        slack.refuseDm("U0NOBODY", "user_not_found");

        assertThat(gateway.deliver(dm("U0NOBODY"))).isEqualTo(new DeliveryResult.Permanent("user_not_found"));
        assertThat(failures()).extracting(row -> row.get("reason")).containsExactly("user_not_found");
    }

    @Test
    void aMissingScopeIsParkedButNotHeldAgainstThePerson() {
        slack.refuseDm("U0ANA", "missing_scope");

        assertThat(gateway.deliver(dm("U0ANA"))).isEqualTo(new DeliveryResult.Permanent("missing_scope"));
        assertThat(failures()).isEmpty();
    }

    @Test
    void aRateLimitedOpenWaitsAsLongAsSlackSaysAndPostsNothing() {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.open"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        DeliveryResult result = gateway.deliver(dm("U0ANA"));

        assertThat(result).isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(30)));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(failures()).isEmpty();
    }

    @Test
    void aServerErrorOfTheOpenIsRetriedWithoutDoubt() {
        slack.fail("conversations.open", "users=U0ANA", "internal_error");

        assertThat(gateway.deliver(dm("U0ANA"))).isEqualTo(DeliveryResult.Transient.notSent("internal_error"));
    }

    @Test
    void aDmThatOpensAfterARefusalClearsIt() {
        slack.refuseDm("U0BACK", "user_disabled");
        gateway.deliver(dm("U0BACK"));
        slack.reset();

        assertThat(gateway.deliver(dm("U0BACK"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(failures()).isEmpty();
    }

    private Person person(String userId, String name) {
        PersonDao people = database.jdbi().onDemand(PersonDao.class);
        Person person = people.insert(orgId, name, null, "UTC", "en", false);
        people.insertIdentity(orgId, person.id(), Platform.SLACK, userId, null);
        return person;
    }

    private List<Map<String, Object>> failures() {
        return rows("SELECT platform_user_id, reason FROM reach_failures WHERE org_id = ?", orgId);
    }

    private List<Map<String, Object>> rows(String sql, Object... arguments) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql, arguments).mapToMap().list());
    }

    private OutboxMessage dm(String userId) {
        return new OutboxMessage(
                ids.incrementAndGet(),
                orgId,
                "dm:" + ids.get(),
                Platform.SLACK,
                TargetKind.USER,
                userId,
                MessageJson.write(Message.of("hello")),
                OutboxStatus.SENDING,
                1,
                Instant.now(),
                null,
                null,
                Instant.now(),
                null,
                null,
                null);
    }
}
