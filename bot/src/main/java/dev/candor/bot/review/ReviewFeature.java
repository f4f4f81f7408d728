package dev.candor.bot.review;

import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.Round;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhase;
import dev.candor.storage.review.ReviewPhaseKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Review cycles as the asking engine knows them: what each step's ask says (the phase, the cycle, who in HR started
 * it, the period it covers and who reads it), what its form shows above the questions (the evidence packet, the
 * peers proposed, the review shared) and the inputs of its own (the peers a person proposes and their manager
 * approves), and who reads one person's answers (HR admins). A nomination opens the manager's approval; a manager's
 * sharing opens the person's acknowledgement.
 */
public final class ReviewFeature implements AskFeature {
    /** The people input of a nomination and of its approval. */
    static final String PEERS = "review_peers";
    /** How many peers a person proposes at most; their manager may name a few more. */
    static final int MOST_PEERS = 5;

    static final int MOST_APPROVED = 8;

    private final PeopleDirectory directory;
    private final ReviewRounds rounds;
    private final Clock clock;

    public ReviewFeature(PeopleDirectory directory, ReviewRounds rounds, Clock clock) {
        this.directory = directory;
        this.rounds = rounds;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ReviewRounds.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        Optional<ReviewCycle> cycle = cycle(handle, round);
        Step step = Step.of(round);
        String by = cycle.flatMap(
                        found -> handle.attach(PersonLookupDao.class).findById(round.orgId(), found.createdBy()))
                .map(Person::name)
                .orElse(null);
        String about = about(round)
                .flatMap(id -> handle.attach(PersonLookupDao.class).findById(round.orgId(), id))
                .map(Person::name)
                .orElse("them");
        String name = cycle.map(ReviewCycle::name).orElse("review");
        String covers = cycle.map(found -> "Covers " + ReviewMessages.day(found.periodFrom()) + " to "
                        + ReviewMessages.day(found.periodTo()) + ". ")
                .orElse("");
        return switch (step) {
            case NOMINATE ->
                new AskText(
                        "Peer nomination: " + name,
                        by,
                        "Propose up to " + MOST_PEERS + " colleagues to review you; your manager approves them. Only"
                                + " you, your manager and HR admins see whom you proposed.");
            case APPROVE ->
                new AskText(
                        "Approve the peer reviewers of " + about + ": " + name,
                        by,
                        about + " proposed them. Keep, remove or add colleagues, then send: those you keep are"
                                + " asked for a peer review.");
            case SHARE ->
                new AskText(
                        "Share your review of " + about + ": " + name,
                        by,
                        "Once you send this, " + about + " reads your review and your note, and acknowledges it.");
            case ACK ->
                new AskText(
                        "Your manager's review: " + name,
                        by,
                        covers
                                + "Acknowledge it and, if you like, comment: your manager is told, and HR admins read it.");
            default ->
                new AskText(
                        step.kind().label() + (about(round).isPresent() ? " of " + about : "") + ": " + name,
                        by,
                        covers + "Only you and HR admins can read it.");
        };
    }

    /**
     * Everything of one cycle that one sweep sends a person comes in one DM listing it: a manager's reviews of each
     * report, a peer's reviews of each colleague, approvals and sharings, a self review and a nomination opening the
     * same morning; never a DM per person reviewed.
     */
    @Override
    public String dmGroup(Handle handle, Round round) {
        return "review:" + round.subject().split(":")[0];
    }

    /**
     * Above the questions: the evidence packet of the person reviewed as the reader may see it (a self, peer or
     * manager review); the peers proposed (an approval); the review written (sharing it, or acknowledging it).
     */
    @Override
    public List<Block> formIntro(Handle handle, Actor reader, Round round, Ask ask) {
        Optional<ReviewCycle> found = cycle(handle, round);
        if (found.isEmpty()) {
            return List.of();
        }
        ReviewCycle cycle = found.get();
        long subject = about(round).orElse(ask.personId());
        return switch (Step.of(round)) {
            case SELF, PEER, MANAGER ->
                ReviewEvidence.blocks(handle, reader.platform(), cycle, subject, reader.personId());
            case NOMINATE -> List.of();
            case APPROVE -> ReviewWritten.nomination(handle, cycle, subject);
            case SHARE, ACK -> ReviewWritten.shared(handle, cycle, subject, Step.of(round) == Step.ACK);
        };
    }

    /** The peers to propose (a nomination) or to approve (its approval), filled with those proposed so far. */
    @Override
    public List<Form.Input> formInputs(Handle handle, Actor reader, Round round, Ask ask) {
        Step step = Step.of(round);
        if (step != Step.NOMINATE && step != Step.APPROVE) {
            return List.of();
        }
        Optional<ReviewCycle> cycle = cycle(handle, round);
        if (cycle.isEmpty()) {
            return List.of();
        }
        long subject = about(round).orElse(ask.personId());
        List<ReviewDao.Peer> peers =
                handle.attach(ReviewDao.class).peers(round.orgId(), cycle.get().id(), subject);
        List<Long> shown = peers.stream()
                .filter(peer -> step == Step.NOMINATE
                        ? peer.proposedBy() == subject
                        : peer.approved() == null || peer.approved())
                .map(ReviewDao.Peer::peerId)
                .toList();
        List<Mention> initial = new ArrayList<>();
        for (Contact contact : handle.attach(ContactDao.class).list(round.orgId(), shown)) {
            if (contact.platform() == reader.platform() && contact.reachable()) {
                initial.add(new Mention(contact.platformUserId(), contact.name()));
            }
        }
        return List.of(
                step == Step.NOMINATE
                        ? new Form.PeopleInput(
                                PEERS,
                                "Colleagues to review you",
                                MOST_PEERS,
                                true,
                                initial,
                                "People who worked with you this period; not your manager, who reviews you anyway.")
                        : new Form.PeopleInput(
                                PEERS,
                                "Peer reviewers",
                                MOST_APPROVED,
                                true,
                                initial,
                                "Everyone left here is asked for a peer review when it opens."));
    }

    @Override
    public Map<String, String> formProblems(Handle handle, Round round, Ask ask, FormSubmission submission) {
        Step step = Step.of(round);
        if (step != Step.NOMINATE && step != Step.APPROVE) {
            return Map.of();
        }
        List<String> chosen = submission.chosen(PEERS);
        if (chosen.isEmpty()) {
            return Map.of(PEERS, "Pick at least one colleague.");
        }
        long subject = about(round).orElse(ask.personId());
        Set<Long> people;
        try {
            people = people(submission.actor(), chosen);
        } catch (ProfileSource.NoSuchUser unknown) {
            return Map.of(PEERS, "One of them isn't in the directory: pick someone else.");
        }
        if (people.contains(subject)) {
            return Map.of(
                    PEERS,
                    step == Step.NOMINATE
                            ? "Pick colleagues other than yourself."
                            : "They can't review themselves: take them out of the list.");
        }
        Long manager = handle.attach(PersonLookupDao.class)
                .findById(round.orgId(), subject)
                .map(Person::managerId)
                .orElse(null);
        if (manager != null && people.contains(manager)) {
            return Map.of(PEERS, "Their manager reviews them anyway: pick peers, not the manager.");
        }
        return Map.of();
    }

    /**
     * A nomination keeps the peers proposed and asks the person's manager to approve them; an approval keeps the
     * manager's decision; a review shared asks its subject to acknowledge it. Each with who and when.
     */
    @Override
    public void formAccepted(Handle handle, Round round, Ask ask, FormSubmission submission) {
        Step step = Step.of(round);
        Optional<ReviewCycle> found = cycle(handle, round);
        if (found.isEmpty()) {
            return;
        }
        ReviewCycle cycle = found.get();
        Actor actor = submission.actor();
        LocalDate today = LocalDate.ofInstant(clock.instant(), actor.zone());
        ReviewDao dao = handle.attach(ReviewDao.class);
        switch (step) {
            case NOMINATE -> {
                long[] peers = ids(people(actor, submission.chosen(PEERS)));
                dao.propose(cycle.orgId(), cycle.id(), ask.personId(), peers, actor.personId(), clock.instant());
                Long manager = handle.attach(PersonLookupDao.class)
                        .findById(cycle.orgId(), ask.personId())
                        .map(Person::managerId)
                        .filter(id -> id != ask.personId())
                        .orElse(null);
                phase(dao, cycle, ReviewPhaseKind.PEERS)
                        .filter(phase -> manager != null)
                        .ifPresent(phase -> rounds.openFollowUp(handle, cycle, phase, ask.personId(), manager, today));
            }
            case APPROVE -> {
                long subject = about(round).orElseThrow();
                long[] approved = ids(people(actor, submission.chosen(PEERS)));
                dao.add(cycle.orgId(), cycle.id(), subject, approved, actor.personId(), clock.instant());
                dao.decide(cycle.orgId(), cycle.id(), subject, approved, actor.personId(), clock.instant());
            }
            case SHARE -> {
                long subject = about(round).orElseThrow();
                phase(dao, cycle, ReviewPhaseKind.SHARING)
                        .ifPresent(phase -> rounds.openFollowUp(handle, cycle, phase, subject, subject, today));
            }
            default -> {}
        }
    }

    /**
     * The person who wrote a review is told, once per answer, when it was acknowledged (with the comment); the person
     * reviewed, when their manager decided who reviews them.
     */
    @Override
    public void answered(Handle handle, Round round, dev.candor.scheduler.ask.Answered answered) {
        Step step = Step.of(round);
        Optional<ReviewCycle> found = cycle(handle, round);
        Optional<Long> subject = about(round);
        if (found.isEmpty() || subject.isEmpty() || (step != Step.ACK && step != Step.APPROVE)) {
            return;
        }
        ReviewCycle cycle = found.get();
        ReviewDao dao = handle.attach(ReviewDao.class);
        Optional<ReviewDao.Answer> answer = dao.answerOf(cycle.orgId(), round.subject(), answered.personId());
        if (answer.isEmpty()) {
            return;
        }
        String key = "review:" + round.subject() + ":" + answered.askId() + ":"
                + Integer.toHexString(answer.get().valuesJson().hashCode());
        if (step == Step.ACK) {
            Optional<ReviewDao.Answer> review =
                    dao.answerOf(cycle.orgId(), cycle.subject(ReviewPhaseKind.MANAGER, subject.get()), null);
            review.ifPresent(written -> tell(
                    handle,
                    cycle,
                    written.personId(),
                    key,
                    ReviewWritten.acknowledged(handle, cycle, subject.get(), answer.get())));
        } else {
            tell(handle, cycle, subject.get(), key, ReviewWritten.approved(handle, cycle, subject.get()));
        }
    }

    private static void tell(
            Handle handle, ReviewCycle cycle, long personId, String key, dev.candor.bot.chat.Message message) {
        handle.attach(ContactDao.class).list(cycle.orgId(), List.of(personId)).stream()
                .filter(Contact::reachable)
                .forEach(contact -> dev.candor.bot.outbox.Outbox.toUser(
                        handle, cycle.orgId(), contact.platform(), contact.platformUserId(), key, message));
    }

    /** One person's answers: HR admins'. */
    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return viewer.isHrAdmin();
    }

    private Set<Long> people(Actor actor, List<String> platformUserIds) {
        Set<Long> people = new LinkedHashSet<>();
        for (String userId : platformUserIds) {
            people.add(directory.personFor(actor, new Mention(userId, userId)).id());
        }
        return people;
    }

    private static long[] ids(Set<Long> people) {
        return people.stream().mapToLong(Long::longValue).toArray();
    }

    private static Optional<ReviewPhase> phase(ReviewDao dao, ReviewCycle cycle, ReviewPhaseKind kind) {
        return dao.phases(cycle.orgId(), cycle.id()).stream()
                .filter(phase -> phase.kind() == kind)
                .findFirst();
    }

    static Optional<ReviewCycle> cycle(Handle handle, Round round) {
        try {
            return handle.attach(ReviewDao.class)
                    .find(round.orgId(), Long.parseLong(round.subject().split(":")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The person a round is about ({@code 12:manager:34}); empty for a self review or a nomination. */
    static Optional<Long> about(Round round) {
        String[] parts = round.subject().split(":");
        try {
            return parts.length < 3 ? Optional.empty() : Optional.of(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ReviewPhaseKind> kind(Round round) {
        String[] parts = round.subject().split(":");
        return parts.length < 2 ? Optional.empty() : Optional.ofNullable(KINDS.get(parts[1]));
    }

    private static final Map<String, ReviewPhaseKind> KINDS = new LinkedHashMap<>();

    static {
        for (ReviewPhaseKind kind : ReviewPhaseKind.values()) {
            KINDS.put(kind.dbValue(), kind);
        }
    }

    /** What one round of a cycle asks, by its subject. */
    enum Step {
        SELF(ReviewPhaseKind.SELF),
        NOMINATE(ReviewPhaseKind.PEERS),
        APPROVE(ReviewPhaseKind.PEERS),
        PEER(ReviewPhaseKind.PEER),
        MANAGER(ReviewPhaseKind.MANAGER),
        SHARE(ReviewPhaseKind.SHARING),
        ACK(ReviewPhaseKind.SHARING);

        private final ReviewPhaseKind kind;

        Step(ReviewPhaseKind kind) {
            this.kind = kind;
        }

        ReviewPhaseKind kind() {
            return kind;
        }

        static Step of(Round round) {
            ReviewPhaseKind kind = ReviewFeature.kind(round).orElse(ReviewPhaseKind.SELF);
            boolean about = ReviewFeature.about(round).isPresent();
            return switch (kind) {
                case SELF -> SELF;
                case PEERS -> about ? APPROVE : NOMINATE;
                case PEER -> PEER;
                case MANAGER -> MANAGER;
                case SHARING -> round.subject().endsWith(":ack") ? ACK : SHARE;
            };
        }
    }
}
