package dev.candor.bot.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinAnswerDao;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.checkin.CheckinReply;
import dev.candor.storage.checkin.CheckinReplyDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.checkin.PersonAnswer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** What people read: their pending check-in, their history, the owner's team view, and the owner's replies. */
final class CheckinReading {
    static final int HISTORY = 5;
    static final int TREND = 8;
    static final String REPLY_TEXT = "reply";

    private final Jdbi jdbi;
    private final Clock clock;

    CheckinReading(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    static Optional<Checkin> checkinOf(Jdbi jdbi, Round round) {
        if (!"checkin".equals(round.feature()) || !round.subject().startsWith("checkin:")) {
            return Optional.empty();
        }
        long id = Long.parseLong(round.subject().substring("checkin:".length()));
        return jdbi.onDemand(CheckinDao.class).find(round.orgId(), id);
    }

    /** The person's last five check-ins, their answers and the owner's replies. Only their own. */
    Message history(Actor actor) {
        List<PersonAnswer> mine =
                jdbi.onDemand(CheckinAnswerDao.class).listPerson(actor.orgId(), actor.personId(), HISTORY);
        if (mine.isEmpty()) {
            return Message.of("No check-ins yet: they'll be here once you've had one.");
        }
        Moods moods = new Moods(jdbi, actor.orgId());
        Map<Long, List<CheckinReply>> replies = jdbi
                .onDemand(CheckinReplyDao.class)
                .listFor(
                        actor.orgId(),
                        actor.personId(),
                        mine.stream().map(PersonAnswer::roundId).toList())
                .stream()
                .collect(Collectors.groupingBy(CheckinReply::roundId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> authors = jdbi
                .onDemand(ContactDao.class)
                .list(
                        actor.orgId(),
                        replies.values().stream()
                                .flatMap(List::stream)
                                .map(CheckinReply::authorId)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(Contact::personId, Contact::name, (a, b) -> a));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your last check-ins"));
        for (PersonAnswer answer : mine) {
            String name = jdbi.onDemand(CheckinDao.class)
                    .find(actor.orgId(), answer.checkinId())
                    .map(Checkin::name)
                    .orElse("Check-in");
            blocks.add(new Block.Divider());
            blocks.add(new Block.Section(Text.builder()
                    .strong(name + " — " + answer.period())
                    .plain(
                            answer.answered()
                                    ? moods.mood(answer)
                                            .map(mood -> "  " + Moods.face(mood))
                                            .orElse("")
                                    : answer.state() == dev.candor.storage.ask.AskState.PENDING
                                            ? "  (waiting for your answer: "
                                                    + CheckinMessages.checkin(actor.platform(), "") + ")"
                                            : "  (not answered)")
                    .build()));
            if (answer.answered()) {
                blocks.add(new Block.Fields(DigestMessages.fields(answer, moods)));
            }
            for (CheckinReply reply : replies.getOrDefault(answer.roundId(), List.of())) {
                blocks.add(new Block.Quote(Text.of(
                        "💬 " + authors.getOrDefault(reply.authorId(), "Your manager") + ": " + reply.reply())));
            }
        }
        return new Message("Your last check-ins", blocks);
    }

    /** The latest round's status and each person's mood over the last eight rounds: for the owner (and HR if on). */
    Message team(Actor actor, Checkin checkin) {
        if (!Visibility.readsTeam(jdbi, actor, checkin)) {
            return Message.of("Only the check-in's owner can see its answers.");
        }
        List<PersonAnswer> rounds =
                jdbi.onDemand(CheckinAnswerDao.class).listLatestRounds(actor.orgId(), checkin.subject(), TREND);
        if (rounds.isEmpty()) {
            return CheckinMessages.notSentYet(actor.platform(), checkin);
        }
        long latest = rounds.get(rounds.size() - 1).roundId();
        List<PersonAnswer> now =
                rounds.stream().filter(a -> a.roundId() == latest).toList();
        Moods moods = new Moods(jdbi, actor.orgId());
        Map<String, List<String>> faces = new LinkedHashMap<>();
        for (PersonAnswer answer : rounds) {
            faces.computeIfAbsent(answer.personName(), name -> new ArrayList<>())
                    .add(moods.mood(answer).map(Moods::face).orElse("·"));
        }
        long answered = now.stream().filter(PersonAnswer::answered).count();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(checkin.name() + " — " + now.get(0).period()));
        blocks.add(new Block.Progress("Answered", (int) answered, now.size()));
        List<String> waiting = now.stream()
                .filter(a -> !a.answered())
                .map(PersonAnswer::personName)
                .toList();
        if (!waiting.isEmpty()) {
            blocks.add(new Block.Section(Text.of("Waiting for: " + String.join(", ", waiting))));
        }
        blocks.add(new Block.Fields(faces.entrySet().stream()
                .limit(DigestMessages.MAX_FIELDS)
                .map(entry -> new Block.Field(entry.getKey(), Text.of(String.join(" ", entry.getValue()))))
                .toList()));
        blocks.add(
                new Block.Context(Text.of("Moods over the last " + TREND + " rounds, oldest first; · = no answer.")));
        return new Message(checkin.name() + ": " + answered + " of " + now.size() + " answered", blocks);
    }

    /** The digest's Reply button: a form with one text area, for the owner only. */
    Reply replyForm(Actor actor, String value) {
        Optional<Target> target = target(actor, value);
        if (target.isEmpty()) {
            return Reply.privately("Only the check-in's owner can reply to its answers.");
        }
        return Reply.form(new Form(
                DigestMessages.REPLY_FORM,
                "Reply",
                "Send",
                List.of(new Block.Context(
                        Text.of("To " + target.get().contact().name() + ", as a direct message from Candor."))),
                List.of(new Form.TextInput(REPLY_TEXT, "Your reply", null, true, true, null, 3000)),
                value));
    }

    /** Stores the reply and queues it to the person as a DM. */
    Reply reply(FormSubmission form) {
        Optional<Target> target = target(form.actor(), form.context());
        if (target.isEmpty()) {
            return Reply.privately("Only the check-in's owner can reply to its answers.");
        }
        String text = form.text(REPLY_TEXT);
        if (text.isEmpty()) {
            return new Reply.FormErrors(Map.of(REPLY_TEXT, "Write your reply."));
        }
        Target to = target.get();
        jdbi.useTransaction(handle -> {
            CheckinReply stored = handle.attach(CheckinReplyDao.class)
                    .insert(
                            form.actor().orgId(),
                            to.round().id(),
                            to.contact().personId(),
                            form.actor().personId(),
                            text);
            String intro = "💬 " + form.actor().name() + " replied to your check-in \""
                    + to.checkin().name() + "\" (" + to.round().period() + "):";
            Message message = new Message(
                    intro + " " + text, List.of(new Block.Section(Text.of(intro)), new Block.Quote(Text.of(text))));
            deliver(handle, form.actor().orgId(), to, "checkin:reply:" + stored.id(), message);
        });
        return Reply.privately(DigestMessages.replied(
                to.contact().name(), to.checkin().name(), to.round().period(), text));
    }

    /**
     * In Slack the reply goes into the thread of the person's ask DM, next to what they answered; Teams chats have no
     * threads, so there (or when the ask DM is gone) it is a DM of its own.
     */
    private static void deliver(org.jdbi.v3.core.Handle handle, long orgId, Target to, String key, Message message) {
        Contact contact = to.contact();
        if (contact.platform() == dev.candor.storage.Platform.SLACK
                && Outbox.replyTo(handle, orgId, key, DueAsk.openKey(to.askId()), message)) {
            return;
        }
        Outbox.toUser(handle, orgId, contact.platform(), contact.platformUserId(), key, message);
    }

    private record Target(Round round, Checkin checkin, Contact contact, long askId) {}

    /** "roundId:personId" of a round of a check-in the actor owns, to a person asked in it. */
    private Optional<Target> target(Actor actor, String value) {
        String[] parts = value == null ? new String[0] : value.split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long roundId = Long.parseLong(parts[0]);
        long personId = Long.parseLong(parts[1]);
        Optional<Round> round = jdbi.onDemand(RoundDao.class).find(actor.orgId(), roundId);
        Optional<Checkin> checkin =
                round.flatMap(found -> checkinOf(jdbi, found)).filter(found -> found.ownerId() == actor.personId());
        Optional<PersonAnswer> asked = checkin.flatMap(
                found -> jdbi.onDemand(CheckinAnswerDao.class).findInRound(actor.orgId(), roundId, personId).stream()
                        .findFirst());
        Optional<Contact> contact =
                asked.flatMap(found -> jdbi.onDemand(ContactDao.class).list(actor.orgId(), List.of(personId)).stream()
                        .filter(Contact::reachable)
                        .findFirst());
        return contact.map(
                to -> new Target(round.get(), checkin.get(), to, asked.get().askId()));
    }

    static String prompt(JsonNode question) {
        return question.path("prompt").asText();
    }
}
