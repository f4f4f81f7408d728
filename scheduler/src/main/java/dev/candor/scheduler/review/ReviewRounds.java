package dev.candor.scheduler.review;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Reminder;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundCalendar;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundSeries;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.pulse.AudienceDao;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhase;
import dev.candor.storage.review.ReviewPhaseKind;
import dev.candor.storage.review.ReviewState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Review cycles on the asking engine: each phase is one round of the feature {@code review} (subject {@code
 * <cycle>:<phase>}), opened on its first day at 09:00 in each person's zone (at once when HR starts a cycle whose
 * phase is open already) and due at the end of the working day of its last day, on a person's last working day
 * before it when it is not one of theirs; the engine reminds a week, a day and a working morning before, in each
 * person's working time, and never someone who answered or is away.
 */
public final class ReviewRounds implements RoundSeries {
    public static final String FEATURE = "review";
    public static final LocalTime OPENS_AT = LocalTime.of(9, 0);
    /** When a phase's last day's work ends, in each person's zone. */
    public static final LocalTime DUE_AT = LocalTime.of(17, 0);

    private final Rounds rounds;

    public ReviewRounds(Rounds rounds) {
        this.rounds = rounds;
    }

    /** A week, a day and the morning (8 hours) before the deadline, each moved into the person's working time. */
    public static ReminderPlan reminders() {
        return new ReminderPlan(List.of(
                new Reminder.BeforeDeadline(Duration.ofDays(7)),
                new Reminder.BeforeDeadline(Duration.ofDays(1)),
                new Reminder.BeforeDeadline(Duration.ofHours(8))));
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public List<Entry> active(Jdbi jdbi) {
        return jdbi.withExtension(ReviewDao.class, ReviewDao::activePhases).stream()
                .map(phase -> new Entry(
                        phase.orgId(),
                        phase.cycleId(),
                        phase.cycleId() + ":" + phase.kind().dbValue(),
                        RoundCalendar.once(phase.opensOn().atTime(OPENS_AT))))
                .toList();
    }

    @Override
    public boolean open(Jdbi jdbi, Entry entry, RoundCalendar.Occurrence occurrence, Instant now) {
        return jdbi.inTransaction(handle -> {
            ReviewDao dao = handle.attach(ReviewDao.class);
            Optional<ReviewCycle> cycle =
                    dao.find(entry.orgId(), entry.id()).filter(found -> found.state() == ReviewState.ACTIVE);
            if (cycle.isEmpty()) {
                return false;
            }
            return dao.phases(entry.orgId(), entry.id()).stream()
                    .filter(phase -> cycle.get().subject(phase.kind()).equals(entry.subject()))
                    .findFirst()
                    .map(phase -> !open(handle, cycle.get(), phase, Opening.at(occurrence.opensLocal()), null)
                            .isEmpty())
                    .orElse(false);
        });
    }

    /**
     * Opens the phase in the caller's transaction, once: the self review and the peer nomination as one round of the
     * cycle's participants; the peer review as one round per participant with approved peers, asking them; the
     * manager review as one round per participant who has a manager, asking that manager; the sharing as one round
     * per manager review written, asking its writer to share it. Empty when it was opened before (or nobody takes
     * part).
     */
    public List<OpenedRound> open(Handle handle, ReviewCycle cycle, ReviewPhase phase, Opening opening, Long openedBy) {
        ReviewDao dao = handle.attach(ReviewDao.class);
        if (!dao.opened(cycle.orgId(), cycle.id(), phase.kind())) {
            return List.of();
        }
        QuestionnaireVersion version = latest(handle, cycle, phase.questionnaireId());
        RoundTiming timing = new RoundTiming(opening, new Deadline.EndOfWorkingDay(phase.dueOn(), DUE_AT), reminders());
        List<Long> participants = participants(handle, cycle);
        long[] ids = participants.stream().mapToLong(Long::longValue).toArray();
        if (phase.kind() == ReviewPhaseKind.SELF || phase.kind() == ReviewPhaseKind.PEERS) {
            return request(
                            handle,
                            cycle,
                            phase.questionnaireId(),
                            version,
                            timing,
                            cycle.subject(phase.kind()),
                            participants,
                            openedBy)
                    .map(List::of)
                    .orElse(List.of());
        }
        // one round per person reviewed, asking whoever reviews them in this phase
        java.util.Map<Long, List<Long>> askedAbout = new java.util.TreeMap<>();
        switch (phase.kind()) {
            case PEER -> {
                java.util.Set<Long> taking = new java.util.HashSet<>(participants);
                dao.approvedPeers(cycle.orgId(), cycle.id()).stream()
                        .filter(pair -> taking.contains(pair.subjectId()))
                        .forEach(pair -> askedAbout
                                .computeIfAbsent(pair.subjectId(), key -> new ArrayList<>())
                                .add(pair.peerId()));
            }
            case MANAGER ->
                dao.managersOf(cycle.orgId(), ids)
                        .forEach(pair -> askedAbout.put(pair.personId(), List.of(pair.managerId())));
            default ->
                dao.managerReviews(cycle.orgId(), cycle.id())
                        .forEach(written -> askedAbout.put(written.subjectId(), List.of(written.managerId())));
        }
        List<OpenedRound> opened = new ArrayList<>();
        askedAbout.forEach((subject, asked) -> request(
                        handle,
                        cycle,
                        phase.questionnaireId(),
                        version,
                        timing,
                        cycle.subject(phase.kind(), subject),
                        asked,
                        openedBy)
                .ifPresent(opened::add));
        return opened;
    }

    /**
     * A phase's second step for one person reviewed, opened now in the caller's transaction: the manager's approval
     * of the peers the person proposed ({@code <cycle>:peers:<person>}), or the person's acknowledgement of the
     * review their manager shared ({@code <cycle>:sharing:<person>:ack}). Due with the phase, or two days from
     * {@code today} when that is later; empty when it was opened before.
     */
    public Optional<OpenedRound> openFollowUp(
            Handle handle,
            ReviewCycle cycle,
            ReviewPhase phase,
            long subjectId,
            long asked,
            java.time.LocalDate today) {
        if (phase.followUpQuestionnaireId() == null) {
            return Optional.empty();
        }
        String subject = followUpSubject(cycle, phase.kind(), subjectId);
        java.time.LocalDate due = phase.dueOn().isBefore(today.plusDays(2)) ? today.plusDays(2) : phase.dueOn();
        RoundTiming timing = new RoundTiming(Opening.now(), new Deadline.EndOfWorkingDay(due, DUE_AT), reminders());
        return request(
                handle,
                cycle,
                phase.followUpQuestionnaireId(),
                latest(handle, cycle, phase.followUpQuestionnaireId()),
                timing,
                subject,
                List.of(asked),
                null);
    }

    /** The round subject of a phase's second step about one person. */
    public static String followUpSubject(ReviewCycle cycle, ReviewPhaseKind kind, long subjectId) {
        return kind == ReviewPhaseKind.SHARING
                ? cycle.subject(kind, subjectId) + ":ack"
                : cycle.subject(kind, subjectId);
    }

    private static QuestionnaireVersion latest(Handle handle, ReviewCycle cycle, long questionnaireId) {
        return handle.attach(QuestionnaireDao.class)
                .findLatest(cycle.orgId(), questionnaireId)
                .orElseThrow(() -> new IllegalStateException("review phase without questions"));
    }

    private Optional<OpenedRound> request(
            Handle handle,
            ReviewCycle cycle,
            long questionnaireId,
            QuestionnaireVersion version,
            RoundTiming timing,
            String subject,
            List<Long> people,
            Long openedBy) {
        return rounds.open(
                handle,
                new RoundRequest(
                        cycle.orgId(),
                        FEATURE,
                        subject,
                        RoundCalendar.ONCE,
                        questionnaireId,
                        version.version(),
                        timing,
                        false,
                        people,
                        openedBy));
    }

    /**
     * Who takes part now: the directory's active people who are not bots (everyone, its departments, or everyone
     * under its manager at any depth), less those who joined after the cycle's day.
     */
    public static List<Long> participants(Handle handle, ReviewCycle cycle) {
        AudienceDao audience = handle.attach(AudienceDao.class);
        List<Long> people =
                switch (cycle.audience()) {
                    case EVERYONE -> audience.everyone(cycle.orgId());
                    case DEPARTMENTS -> audience.inDepartments(cycle.orgId(), cycle.audienceDepartments());
                    case ORGANISATION ->
                        cycle.audienceManagerId() == null
                                ? List.of()
                                : audience.organisationOf(cycle.orgId(), cycle.audienceManagerId());
                };
        if (cycle.joinedBy() == null || people.isEmpty()) {
            return people;
        }
        return handle.attach(ReviewDao.class)
                .joinedBy(
                        cycle.orgId(),
                        people.stream().mapToLong(Long::longValue).toArray(),
                        cycle.joinedBy());
    }

    /** The engine's rounds, to open now, hold or resume reminders. */
    public Rounds rounds() {
        return rounds;
    }
}
