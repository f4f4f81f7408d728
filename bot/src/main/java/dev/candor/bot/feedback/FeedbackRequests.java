package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.scheduler.ask.Reminder;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.feedback.FeedbackRequestDao;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.people.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /feedback request @li @mo about the Q4 launch demo}: each person gets an ask through the engine, in their
 * own working hours, due in five working days with a reminder after three; each answer goes to the requester, named.
 */
final class FeedbackRequests {
    static final int MAX_PEOPLE = 10;
    static final int DUE_WORKING_DAYS = 5;
    static final int REMIND_AFTER_WORKING_DAYS = 3;
    /** An anonymous request's answers show only from this many, so that none can be told apart. */
    static final int ANONYMOUS_MINIMUM = 3;

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;
    private final Rounds rounds;

    FeedbackRequests(Jdbi jdbi, PeopleDirectory directory, Clock clock, Rounds rounds) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
        this.rounds = rounds;
    }

    Message request(Command command) {
        Actor actor = command.actor();
        Map<String, Mention> asked = new LinkedHashMap<>();
        command.mentions().forEach(mention -> asked.putIfAbsent(mention.platformUserId(), mention));
        if (asked.isEmpty()) {
            return FeedbackMessages.requestUsage(actor.platform());
        }
        if (asked.size() > MAX_PEOPLE) {
            return FeedbackMessages.requestTooMany(MAX_PEOPLE);
        }
        boolean anonymous = anonymous(command.text());
        if (anonymous
                && !jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(actor.orgId()))
                        .anonymousRequests()) {
            return FeedbackMessages.anonymousNotAllowed(actor.platform());
        }
        if (anonymous && asked.size() < ANONYMOUS_MINIMUM) {
            return FeedbackMessages.anonymousTooFew(ANONYMOUS_MINIMUM);
        }
        List<Person> people = new ArrayList<>();
        for (Mention mention : asked.values()) {
            Person person;
            try {
                person = directory.personFor(actor, mention);
            } catch (ProfileSource.NoSuchUser unknown) {
                return FeedbackMessages.unknown(actor.platform(), mention.displayName());
            }
            Optional<Message> problem = problem(actor, person);
            if (problem.isPresent()) {
                return problem.get();
            }
            people.add(person);
        }
        String topic = topic(command.text(), command.mentions());
        Optional<Long> opened = jdbi.inTransaction(handle -> handle.attach(FeedbackRequestDao.class)
                .insert(actor.orgId(), actor.personId(), topic, command.sourceKey(), clock.instant())
                .flatMap(id -> {
                    QuestionnaireVersion questions = questionnaire(handle, actor.orgId());
                    return rounds.open(
                                    handle,
                                    new RoundRequest(
                                            actor.orgId(),
                                            FeedbackRequestFeature.FEATURE,
                                            "request:" + id,
                                            "once",
                                            questions.questionnaireId(),
                                            questions.version(),
                                            new RoundTiming(
                                                    Opening.now(),
                                                    Deadline.workingDays(DUE_WORKING_DAYS),
                                                    new ReminderPlan(List.of(new Reminder.WorkingDaysAfterOpening(
                                                            REMIND_AFTER_WORKING_DAYS)))),
                                            anonymous,
                                            people.stream().map(Person::id).toList(),
                                            actor.personId()))
                            .map(round -> round.round().id());
                }));
        if (opened.isEmpty()) {
            return FeedbackMessages.alreadyRequested();
        }
        rounds.openNow(opened.get());
        return FeedbackMessages.requested(
                people.stream().map(Person::name).toList(), topic, DUE_WORKING_DAYS, anonymous, ANONYMOUS_MINIMUM);
    }

    private static Optional<Message> problem(Actor actor, Person person) {
        if (person.id() == actor.personId()) {
            return Optional.of(Message.of(
                    "Asking yourself for feedback is a reflection: ask the people you worked" + " with instead."));
        }
        if (person.isBot()) {
            return Optional.of(FeedbackMessages.toBot(person.name()));
        }
        if (!person.active()) {
            return Optional.of(FeedbackMessages.inactive(person.name()));
        }
        return Optional.empty();
    }

    /** "request @Li @Mo about the Q4 launch demo" → "the Q4 launch demo"; without words, "your work". */
    /** "request anonymous @li …" or "request anonymously @li …". */
    static boolean anonymous(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).matches("^request\\s+anonymous(ly)?\\b.*");
    }

    static String topic(String text, List<Mention> mentions) {
        String rest = text.replaceFirst("(?i)^request\\s+anonymous(ly)?\\b", "").replaceFirst("(?i)^request\\b", "");
        for (Mention mention : mentions) {
            rest = rest.replace("@" + mention.displayName(), " ");
        }
        int about = rest.toLowerCase(java.util.Locale.ROOT).indexOf("about ");
        String topic = (about >= 0 ? rest.substring(about + "about ".length()) : rest)
                .replaceAll("\\s+", " ")
                .strip();
        if (topic.isEmpty()) {
            return "your work";
        }
        return topic.length() <= 300 ? topic : topic.substring(0, 299) + "…";
    }

    private static QuestionnaireVersion questionnaire(org.jdbi.v3.core.Handle handle, long orgId) {
        QuestionnaireDao dao = handle.attach(QuestionnaireDao.class);
        return dao.findLatestOfFeature(orgId, FeedbackRequestFeature.FEATURE)
                .orElseGet(() -> dao.insert(
                        orgId,
                        FeedbackRequestFeature.FEATURE,
                        QuestionsJson.write(FeedbackRequestFeature.questionnaire()),
                        null));
    }
}
