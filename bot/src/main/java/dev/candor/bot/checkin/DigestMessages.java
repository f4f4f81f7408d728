package dev.candor.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.PersonAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The owner's digest of one round: who answered, blockers first, each answer, moods with their trend, a Reply
 * button per person and a Remind button for those who haven't answered.
 */
final class DigestMessages {
    static final String REPLY = "checkin.reply";
    static final String REMIND = "checkin.remind";
    static final String REPLY_FORM = "checkin.reply";
    /** Slack allows 50 blocks; each person takes up to four. */
    static final int MAX_PEOPLE = 11;
    /** Slack shows at most ten fields in a section, each up to 2,000 characters. */
    static final int MAX_FIELDS = 10;

    static final int MAX_VALUE = 1500;

    private DigestMessages() {}

    /**
     * @param platform the owner's platform, where they type the commands it names
     * @param round everyone's part in the round
     * @param trends each person's earlier moods, oldest first
     */
    static Message digest(
            Platform platform,
            Checkin checkin,
            String period,
            List<PersonAnswer> round,
            Moods moods,
            Map<Long, List<Integer>> trends,
            Map<Long, Contact> contacts) {
        return digest(platform, checkin, period, round, moods, trends, contacts, List.of());
    }

    /** The digest, with {@code goalChanges} (the people's goal changes of the week) before who hasn't answered. */
    static Message digest(
            Platform platform,
            Checkin checkin,
            String period,
            List<PersonAnswer> round,
            Moods moods,
            Map<Long, List<Integer>> trends,
            Map<Long, Contact> contacts,
            List<Block> goalChanges) {
        List<PersonAnswer> asked = round.stream()
                .filter(answer -> answer.state() != AskState.SKIPPED)
                .toList();
        List<PersonAnswer> answered = asked.stream()
                .filter(PersonAnswer::answered)
                .sorted(Comparator.comparing(
                                (PersonAnswer answer) -> moods.blocker(answer).isEmpty())
                        .thenComparing(PersonAnswer::personName))
                .toList();
        List<PersonAnswer> missing =
                asked.stream().filter(answer -> !answer.answered()).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(checkin.name() + " — " + period));
        blocks.add(new Block.Progress("Answered", answered.size(), asked.size()));
        if (answered.isEmpty()) {
            blocks.add(new Block.Section(Text.of("Nobody answered yet. Asked: " + names(missing) + ".")));
        }
        for (PersonAnswer answer : answered.subList(0, Math.min(MAX_PEOPLE, answered.size()))) {
            blocks.addAll(answerBlocks(answer, moods, trends, contacts));
        }
        if (answered.size() > MAX_PEOPLE) {
            blocks.add(new Block.Context(Text.of((answered.size() - MAX_PEOPLE) + " more answered: "
                    + CheckinMessages.checkin(platform, "team") + " shows everyone.")));
        }
        blocks.addAll(goalChanges);
        if (!missing.isEmpty()) {
            if (!answered.isEmpty()) {
                blocks.add(new Block.Divider());
                blocks.add(new Block.Section(Text.of("Not answered: " + names(missing))));
            }
            // After the deadline too: reminding then lets them answer late (CheckinReminders).
            blocks.add(new Block.Buttons(List.of(new Block.Button(
                    REMIND,
                    "Remind " + (missing.size() == 1 ? missing.get(0).personName() : "them"),
                    String.valueOf(missing.get(0).roundId()),
                    Block.ButtonStyle.PRIMARY))));
        }
        String fallback = checkin.name() + " " + period + ": "
                + (answered.isEmpty() ? "nobody answered yet" : answered.size() + " of " + asked.size() + " answered");
        return new Message(fallback, blocks);
    }

    private static List<Block> answerBlocks(
            PersonAnswer answer, Moods moods, Map<Long, List<Integer>> trends, Map<Long, Contact> contacts) {
        return List.of(
                new Block.Divider(),
                new Block.Section(person(
                        answer,
                        moods,
                        trends.getOrDefault(answer.personId(), List.of()),
                        contacts.get(answer.personId()))),
                new Block.Fields(fields(answer, moods)),
                new Block.Buttons(List.of(new Block.Button(
                        REPLY,
                        "Reply to " + answer.personName(),
                        answer.roundId() + ":" + answer.personId(),
                        Block.ButtonStyle.DEFAULT))));
    }

    /**
     * An answer that came after the digest (the person was reminded after the deadline), for the owner: what the
     * digest would have shown of it, with its Reply button.
     */
    static Message late(Checkin checkin, String period, PersonAnswer answer, Moods moods, Contact contact) {
        String intro = answer.personName() + " answered \"" + checkin.name() + "\" (" + period + ") after your digest.";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.of("⏰ " + intro)));
        blocks.addAll(
                answerBlocks(answer, moods, Map.of(), contact == null ? Map.of() : Map.of(answer.personId(), contact)));
        return new Message(intro, blocks);
    }

    /** One person's answer as posted to a stand-up channel; {@code edited} when it replaces the first post. */
    static Message standup(Checkin checkin, String period, PersonAnswer answer, Moods moods, Contact contact) {
        Text.Builder title = Text.builder();
        if (contact != null && contact.reachable()) {
            title.person(contact.platformUserId(), contact.name());
        } else {
            title.strong(answer.personName());
        }
        moods.mood(answer).ifPresent(mood -> title.plain("  " + Moods.face(mood)));
        moods.blocker(answer).ifPresent(blocker -> title.lineBreak().strong("🚧 Blocked"));
        return new Message(
                answer.personName() + "'s check-in: " + checkin.name() + " (" + period + ")",
                List.of(
                        new Block.Section(title.build()),
                        new Block.Fields(fields(answer, moods)),
                        new Block.Context(Text.of("📝 " + checkin.name() + " — " + period))));
    }

    /** The owner's confirmation that a reply is on its way, with what it says. */
    static Message replied(String person, String checkin, String period, String reply) {
        String text = "✅ Sent to " + person + ", under their check-in \"" + checkin + "\" (" + period + ").";
        return new Message(text, List.of(new Block.Section(Text.of(text)), new Block.Quote(Text.of(reply))));
    }

    private static String names(List<PersonAnswer> people) {
        return people.stream().map(PersonAnswer::personName).collect(Collectors.joining(", "));
    }

    private static Text person(PersonAnswer answer, Moods moods, List<Integer> trend, Contact contact) {
        Text.Builder text = Text.builder();
        if (contact != null && contact.reachable()) {
            text.person(contact.platformUserId(), contact.name());
        } else {
            text.strong(answer.personName());
        }
        moods.mood(answer).ifPresent(mood -> {
            text.plain("  " + Moods.face(mood));
            if (!trend.isEmpty()) {
                int before = trend.get(trend.size() - 1);
                text.plain(mood > before ? " ↗ " : mood < before ? " ↘ " : " → ");
                text.emphasis("earlier: " + trend.stream().map(Moods::face).collect(Collectors.joining(" ")));
            }
        });
        moods.blocker(answer).ifPresent(blocker -> text.lineBreak().strong("🚧 Blocked"));
        return text.build();
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(value -> parts.add(value.asText()));
        return String.join(", ", parts);
    }

    private static String truncated(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }

    static List<Block.Field> fields(PersonAnswer answer, Moods moods) {
        JsonNode values = Questions.values(answer.valuesJson());
        List<Block.Field> fields = new ArrayList<>();
        for (JsonNode question : moods.questions(answer)) {
            String type = question.path("type").asText();
            JsonNode value = values.path(question.path("id").asText());
            if (type.equals("goals")) {
                // the goals' names and values stay with the goals, whose visibility decides who reads them
                int goals = value.path("progress").size();
                if (goals > 0 && fields.size() < MAX_FIELDS) {
                    fields.add(new Block.Field(
                            question.path("prompt").asText(),
                            Text.of(goals + (goals == 1 ? " goal" : " goals") + " updated")));
                }
                continue;
            }
            if (type.equals("mood") || value.isMissingNode() || value.asText("").isBlank() && !value.isArray()) {
                continue;
            }
            String shown = value.isArray() ? joined(value) : value.asText();
            if (fields.size() < MAX_FIELDS) {
                fields.add(new Block.Field(question.path("prompt").asText(), Text.of(truncated(shown))));
            }
        }
        if (fields.isEmpty()) {
            fields.add(new Block.Field("Answers", Text.of("—")));
        }
        return fields;
    }
}
