package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.checkin.Questions;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.scheduler.ask.Reminder;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.FeedbackRequestDao;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.SubjectSees;
import dev.candor.storage.people.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /feedback request @li @mo about the Q4 launch demo}: each person gets an ask through the engine, in their
 * own working hours, due in five working days with a reminder after three; each answer goes to the requester, named.
 * {@code /feedback request about @ana from @li @mo @zoe} is a 360: a manager (up the line) or an HR admin asks about
 * someone; the answers go to the requester, and the subject reads them as the organisation's policy says (named,
 * anonymous or not at all), which the ask states.
 */
final class FeedbackRequests {
    static final int MAX_PEOPLE = 10;
    static final int DUE_WORKING_DAYS = 5;
    static final int REMIND_AFTER_WORKING_DAYS = 3;
    /** An anonymous request's answers show only from this many, so that none can be told apart. */
    static final int ANONYMOUS_MINIMUM = 3;
    /** The questionnaire feature of 360s, whose questions are about someone else. */
    static final String ABOUT_QUESTIONS = "feedback_about";
    /** The questionnaire feature of requests whose requester wrote their own questions: one questionnaire each. */
    static final String OWN_QUESTIONS = "feedback_own";

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

    /**
     * What was asked: the request, or empty with why not and which field of the request form the refusal is about.
     */
    record Outcome(Optional<Long> requestId, Message message, String field) {}

    Message request(Command command) {
        Actor actor = command.actor();
        if (command.mentions().isEmpty()) {
            return FeedbackMessages.requestUsage(actor.platform());
        }
        if (isAbout(command.text())) {
            return about(command);
        }
        return resolved(actor, command.mentions()).fold(people -> open(
                        actor,
                        people,
                        topic(command.text(), command.mentions()),
                        anonymous(command.text()),
                        null,
                        command.sourceKey(),
                        true)
                .message());
    }

    /** "request about @ana from @li @mo @zoe [for the mid-year review]". */
    private Message about(Command command) {
        Actor actor = command.actor();
        String text = command.text();
        int from = text.toLowerCase(Locale.ROOT).indexOf(" from ");
        List<Mention> before = new ArrayList<>();
        List<Mention> asked = new ArrayList<>();
        int cursor = 0;
        for (Mention mention : command.mentions()) {
            int at = text.indexOf("@" + mention.displayName(), cursor);
            if (at < 0) {
                continue;
            }
            cursor = at + 1;
            (at < from ? before : asked).add(mention);
        }
        if (from < 0 || before.size() != 1 || asked.isEmpty()) {
            return FeedbackMessages.aboutUsage(actor.platform());
        }
        String rest = text;
        for (Mention mention : command.mentions()) {
            rest = rest.replace("@" + mention.displayName(), " ");
        }
        String topic = shortTopic(rest.replaceFirst("(?i)^request\\s+about\\s+", "")
                .replaceFirst("(?i)^\\s*from\\b", "")
                .replaceAll("\\s+", " ")
                .strip()
                .replaceFirst("(?i)^(for|on|about|re:?)\\s+", ""));
        Resolved<List<Person>> subject = resolved(actor, before);
        if (subject.problem() != null) {
            return subject.problem();
        }
        return resolved(actor, asked).fold(people -> open(
                        actor, people, topic, false, subject.value().get(0), command.sourceKey(), true)
                .message());
    }

    /** People named in chat, each once, or why not (someone the platform doesn't know). */
    Resolved<List<Person>> resolved(Actor actor, List<Mention> mentions) {
        Map<String, Mention> unique = new LinkedHashMap<>();
        mentions.forEach(mention -> unique.putIfAbsent(mention.platformUserId(), mention));
        if (unique.size() > MAX_PEOPLE) {
            return Resolved.problem(FeedbackMessages.requestTooMany(MAX_PEOPLE));
        }
        List<Person> people = new ArrayList<>();
        for (Mention mention : unique.values()) {
            try {
                people.add(directory.personFor(actor, mention));
            } catch (ProfileSource.NoSuchUser unknown) {
                return Resolved.problem(FeedbackMessages.unknown(actor.platform(), mention.displayName()));
            }
        }
        return Resolved.of(people);
    }

    /** A value, or the message that says why there is none. */
    record Resolved<T>(T value, Message problem) {
        static <T> Resolved<T> of(T value) {
            return new Resolved<>(value, null);
        }

        static <T> Resolved<T> problem(Message problem) {
            return new Resolved<>(null, problem);
        }

        /** What {@code then} says of the value, or the problem. */
        Message fold(java.util.function.Function<T, Message> then) {
            return problem == null ? then.apply(value) : problem;
        }
    }

    /**
     * Asks {@code people} for feedback about {@code subject} (null: about the requester) for {@code requester}: checks
     * every guard, stores the request, opens its round through the engine, and, for a 360 whose subject reads the
     * answers, tells the subject when {@code tellSubject}.
     */
    Outcome open(
            Actor requester,
            List<Person> people,
            String topic,
            boolean anonymous,
            Person subject,
            String sourceKey,
            boolean tellSubject) {
        return open(requester, people, topic, anonymous, subject, null, sourceKey, tellSubject);
    }

    /** As above, asking {@code own} questions instead of the defaults when they are not null. */
    Outcome open(
            Actor requester,
            List<Person> people,
            String topic,
            boolean anonymous,
            Person subject,
            Questionnaire own,
            String sourceKey,
            boolean tellSubject) {
        if (people.size() > MAX_PEOPLE) {
            return refused(FeedbackMessages.requestTooMany(MAX_PEOPLE));
        }
        FeedbackSettings settings = jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(requester.orgId()));
        if (anonymous && !settings.anonymousRequests()) {
            return refused(FeedbackMessages.anonymousNotAllowed(requester.platform()), FeedbackForms.ANONYMOUS);
        }
        if (anonymous && people.size() < ANONYMOUS_MINIMUM) {
            return refused(FeedbackMessages.anonymousTooFew(ANONYMOUS_MINIMUM));
        }
        if (subject != null) {
            if (subject.id() == requester.personId()) {
                return refused(FeedbackMessages.notAboutYourself(requester.platform()), FeedbackForms.ABOUT);
            }
            if (subject.isBot() || !subject.active()) {
                return refused(
                        subject.isBot()
                                ? FeedbackMessages.toBot(subject.name())
                                : FeedbackMessages.inactive(subject.name()),
                        FeedbackForms.ABOUT);
            }
            long subjectId = subject.id();
            if (!requester.isHrAdmin() && !jdbi.withHandle(handle -> managesUpTheLine(handle, requester, subjectId))) {
                return refused(
                        FeedbackMessages.notTheirManager(requester.platform(), subject.name()), FeedbackForms.ABOUT);
            }
        }
        for (Person person : people) {
            Optional<Message> problem = problem(requester, person, subject);
            if (problem.isPresent()) {
                return refused(problem.get());
            }
        }
        Person about = subject;
        SubjectSees sees = about == null ? null : settings.subjectSees();
        Optional<long[]> opened = jdbi.inTransaction(handle -> {
            Optional<Long> requestId = handle.attach(FeedbackRequestDao.class)
                    .insert(
                            requester.orgId(),
                            requester.personId(),
                            topic,
                            about == null ? null : about.id(),
                            sees,
                            sourceKey,
                            clock.instant());
            if (requestId.isEmpty()) {
                return Optional.<long[]>empty();
            }
            QuestionnaireVersion questions = own == null
                    ? questionnaire(handle, requester.orgId(), about != null)
                    : handle.attach(QuestionnaireDao.class)
                            .insert(requester.orgId(), OWN_QUESTIONS, QuestionsJson.write(own), requester.personId());
            long roundId = rounds.open(
                            handle,
                            new RoundRequest(
                                    requester.orgId(),
                                    FeedbackRequestFeature.FEATURE,
                                    "request:" + requestId.get(),
                                    "once",
                                    questions.questionnaireId(),
                                    questions.version(),
                                    new RoundTiming(
                                            Opening.now(),
                                            Deadline.workingDays(DUE_WORKING_DAYS),
                                            new ReminderPlan(List.of(
                                                    new Reminder.WorkingDaysAfterOpening(REMIND_AFTER_WORKING_DAYS)))),
                                    anonymous,
                                    people.stream().map(Person::id).toList(),
                                    requester.personId()))
                    .orElseThrow()
                    .round()
                    .id();
            if (about != null && sees != SubjectSees.NONE && tellSubject) {
                tellSubject(handle, requester, about, requestId.get(), people.size(), topic, sees);
            }
            return Optional.of(new long[] {requestId.get(), roundId});
        });
        if (opened.isEmpty()) {
            return refused(FeedbackMessages.alreadyRequested(), null);
        }
        rounds.openNow(opened.get()[1]);
        List<String> names = people.stream().map(Person::name).toList();
        Message message = about == null
                ? FeedbackMessages.requested(names, topic, DUE_WORKING_DAYS, anonymous, ANONYMOUS_MINIMUM)
                : FeedbackMessages.requestedAbout(names, about.name(), topic, DUE_WORKING_DAYS, sees);
        return new Outcome(Optional.of(opened.get()[0]), message, null);
    }

    private static Outcome refused(Message why) {
        return refused(why, FeedbackForms.PEOPLE);
    }

    private static Outcome refused(Message why, String field) {
        return new Outcome(Optional.empty(), why, field);
    }

    /** The request form, with the anonymous choice when HR allows anonymous requests. */
    Form form(Actor actor) {
        return FeedbackForms.request(jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(actor.orgId())));
    }

    /** The request form's answers: whom to ask, about what, about whom (a 360), anonymously or not. */
    Outcome submitted(FormSubmission form) {
        Actor actor = form.actor();
        List<String> chosen = form.chosen(FeedbackForms.PEOPLE);
        if (chosen.isEmpty()) {
            return refused(Message.of("Pick the people to ask."));
        }
        Resolved<List<Person>> people = resolved(actor, mentions(actor, chosen));
        if (people.problem() != null) {
            return refused(people.problem());
        }
        List<String> about = form.chosen(FeedbackForms.ABOUT);
        Person subject = null;
        if (!about.isEmpty()) {
            Resolved<List<Person>> found = resolved(actor, mentions(actor, about.subList(0, 1)));
            if (found.problem() != null) {
                return refused(found.problem(), FeedbackForms.ABOUT);
            }
            subject = found.value().get(0);
        }
        Questions.Parsed questions = ownQuestions(form.text(FeedbackForms.QUESTIONS), subject != null);
        if (questions.error() != null) {
            return refused(Message.of(questions.error()), FeedbackForms.QUESTIONS);
        }
        String topic = form.text(FeedbackForms.TOPIC).replaceAll("\\s+", " ").strip();
        return open(
                actor,
                people.value(),
                topic.isEmpty() ? (subject == null ? "your work" : "their work") : shortTopic(topic),
                form.chosen(FeedbackForms.ANONYMOUS).contains("yes"),
                subject,
                questions.questionnaire(),
                form.sourceKey(),
                true);
    }

    /**
     * The questions typed in the request form: none (the defaults of the request's kind) when left empty or as the
     * form showed them, else the requester's own, or what to fix.
     */
    static Questions.Parsed ownQuestions(String lines, boolean about) {
        if (lines.isBlank()) {
            return new Questions.Parsed(null, null);
        }
        for (Questionnaire standard :
                List.of(FeedbackRequestFeature.questionnaire(), FeedbackRequestFeature.aboutQuestionnaire())) {
            Questions.Parsed parsed = Questions.parse(lines, standard);
            if (parsed.error() != null) {
                return parsed;
            }
            if (Questions.lines(parsed.questionnaire()).equals(Questions.lines(standard))) {
                return new Questions.Parsed(null, null);
            }
        }
        return Questions.parse(
                lines, about ? FeedbackRequestFeature.aboutQuestionnaire() : FeedbackRequestFeature.questionnaire());
    }

    private List<Mention> mentions(Actor actor, List<String> platformUserIds) {
        return platformUserIds.stream()
                .map(id -> {
                    String name = directory.knownName(actor.orgId(), actor.platform(), id);
                    return new Mention(id, name == null ? id : name);
                })
                .toList();
    }

    /** The subject of a 360 learns that it was asked, by whom, and how they will read the answers. */
    private static void tellSubject(
            Handle handle, Actor requester, Person subject, long requestId, int asked, String topic, SubjectSees sees) {
        String headline = "🔁 " + requester.name() + " asked " + asked + (asked == 1 ? " person" : " people")
                + " for feedback about you: " + topic;
        String how = sees == SubjectSees.NAMED
                ? "Each answer comes to " + requester.name() + " and to you, with the answerer's name."
                : "The answers go to " + requester.name() + " with names; you read them without names, all together"
                        + " when the request closes, if at least " + ANONYMOUS_MINIMUM + " people answered.";
        Message message = new Message(
                headline + ". " + how,
                List.of(new Block.Section(Text.builder().strong(headline).build()), new Block.Context(Text.of(how))));
        handle.attach(ContactDao.class).list(requester.orgId(), List.of(subject.id())).stream()
                .filter(contact -> contact.platformUserId() != null)
                .forEach(contact -> Outbox.toUser(
                        handle,
                        requester.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "feedback-request:" + requestId + ":subject",
                        message));
    }

    /** Whether the requester is the subject's manager, or their manager's manager, any number of levels up. */
    static boolean managesUpTheLine(Handle handle, Actor requester, long subjectId) {
        return handle.select(
                        """
                        WITH RECURSIVE up (manager_id) AS (
                            SELECT manager_id FROM people WHERE org_id = ? AND id = ?
                            UNION
                            SELECT p.manager_id FROM people p JOIN up ON p.id = up.manager_id WHERE p.org_id = ?)
                        SELECT EXISTS (SELECT 1 FROM up WHERE manager_id = ?)
                        """,
                        requester.orgId(),
                        subjectId,
                        requester.orgId(),
                        requester.personId())
                .mapTo(Boolean.class)
                .one();
    }

    private static Optional<Message> problem(Actor actor, Person person, Person subject) {
        if (person.id() == actor.personId()) {
            return Optional.of(Message.of(
                    subject == null
                            ? "Asking yourself for feedback is a reflection: ask the people you worked with instead."
                            : "You read the answers already: ask the people " + subject.name() + " worked with."));
        }
        if (subject != null && person.id() == subject.id()) {
            return Optional.of(Message.of(subject.name() + " is who the feedback is about: ask the people they"
                    + " worked with, or ask them for a self-assessment in your 1:1."));
        }
        if (person.isBot()) {
            return Optional.of(FeedbackMessages.toBot(person.name()));
        }
        if (!person.active()) {
            return Optional.of(FeedbackMessages.inactive(person.name()));
        }
        return Optional.empty();
    }

    /** "request about @ana from @li …": a 360. */
    static boolean isAbout(String text) {
        return text.toLowerCase(Locale.ROOT).matches("^request\\s+about\\s+@.*");
    }

    /** "request anonymous @li …" or "request anonymously @li …". */
    static boolean anonymous(String text) {
        return text.toLowerCase(Locale.ROOT).matches("^request\\s+anonymous(ly)?\\b.*");
    }

    /** "request @Li @Mo about the Q4 launch demo" → "the Q4 launch demo"; without words, "your work". */
    static String topic(String text, List<Mention> mentions) {
        String rest = text.replaceFirst("(?i)^request\\s+anonymous(ly)?\\b", "").replaceFirst("(?i)^request\\b", "");
        for (Mention mention : mentions) {
            rest = rest.replace("@" + mention.displayName(), " ");
        }
        int about = rest.toLowerCase(Locale.ROOT).indexOf("about ");
        String topic = (about >= 0 ? rest.substring(about + "about ".length()) : rest)
                .replaceAll("\\s+", " ")
                .strip();
        return topic.isEmpty() ? "your work" : shortTopic(topic);
    }

    private static String shortTopic(String topic) {
        if (topic.isBlank()) {
            return "their work";
        }
        return topic.length() <= 300 ? topic : topic.substring(0, 299) + "…";
    }

    private static QuestionnaireVersion questionnaire(Handle handle, long orgId, boolean about) {
        QuestionnaireDao dao = handle.attach(QuestionnaireDao.class);
        String feature = about ? ABOUT_QUESTIONS : FeedbackRequestFeature.FEATURE;
        return dao.findLatestOfFeature(orgId, feature)
                .orElseGet(() -> dao.insert(
                        orgId,
                        feature,
                        QuestionsJson.write(
                                about
                                        ? FeedbackRequestFeature.aboutQuestionnaire()
                                        : FeedbackRequestFeature.questionnaire()),
                        null));
    }
}
