package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What feature tests do in Teams, as people do it in their personal chat with Candor (Berlin time): messages, card
 * submissions and button presses, JWT-signed as the Bot Framework signs them; and what they read back from the fake
 * Bot Connector: the one card Candor answered with, and the DMs it sent.
 */
final class TeamsChat {
    private final TeamsServer teams;
    private final List<String> people;

    /** @param people everyone's lower-case first name, in the order their Azure AD object ids are numbered */
    TeamsChat(TeamsServer teams, List<String> people) {
        this.teams = teams;
        this.people = List.copyOf(people);
    }

    TestActivity says(String person, String text) {
        return from(person, TestActivity.message(teams.microsoft.serviceUrl(), text));
    }

    TestActivity submits(String person, JsonNode value) {
        return from(person, TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value));
    }

    TestActivity presses(String person, String action, String value) {
        return submits(person, Cards.json("{\"action\":\"" + action + "\",\"value\":\"" + value + "\"}"));
    }

    private TestActivity from(String person, TestActivity activity) {
        String name = Character.toUpperCase(person.charAt(0)) + person.substring(1);
        return activity.from("29:" + person, name, aad(person))
                .inPersonalChat("a:dm-" + person)
                .timezone("Europe/Berlin");
    }

    /** The person's Azure AD object id, which Teams' people picker answers with. */
    String aad(String person) {
        return "00000000-0000-4000-8000-00000000000" + people.indexOf(person);
    }

    /** The one card Candor answered with, as a reply; what Candor sent before is forgotten first. */
    JsonNode reply(TestActivity activity) throws Exception {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
        teams.post(activity.json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return Cards.of(replies.get(0));
    }

    /**
     * The one card Candor answered a card's submission with: a reply, or the submitted card redrawn. What Candor sent
     * before is forgotten first; what it sends because of this stays for the test to see.
     */
    JsonNode answer(TestActivity activity) throws Exception {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
        teams.post(activity.json());
        List<LoggedRequest> answers = new ArrayList<>(teams.microsoft.replies());
        // the answer updates the card that was used; the outbox may be updating a DM it sent (an ask turned
        // "answered ✓") at the same moment, which is no answer to this activity
        teams.microsoft.updates().stream()
                .filter(update -> !update.getUrl().contains("/activities/sent-"))
                .forEach(answers::add);
        assertThat(answers).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        return Cards.of(answers.get(0));
    }

    /** The card of the first DM to this person that says {@code words}. */
    JsonNode awaitDm(String person, String words) {
        await("a DM to " + person + " saying " + words)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> dms(person).stream().anyMatch(text -> text.contains(words)));
        return Cards.of(teams.microsoft.sends().stream()
                .filter(request ->
                        to(request, person) && request.getBodyAsString().contains(words))
                .findFirst()
                .orElseThrow());
    }

    List<String> dms(String person) {
        return teams.microsoft.sends().stream()
                .filter(request -> to(request, person))
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    /** Sent to the person's chat with Candor, known from their messages, or opened for the DM. */
    private static boolean to(LoggedRequest request, String person) {
        String url = URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8);
        return url.contains("/a:dm-" + person + "/") || url.contains("/a:chat-29:" + person + "/");
    }
}
