package dev.candor.scheduler.pulse;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.pulse.AudienceDao;
import dev.candor.storage.pulse.Survey;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a survey's round through the asking engine: surveys decide only who (resolved when the round opens, so
 * joiners and leavers count right), which questionnaire version, the opening and whether it reminds and is
 * anonymous; the engine plans each person's ask in their working time.
 */
public final class PulseRounds {
    public static final String FEATURE = Survey.FEATURE;
    /** The period of a survey that runs once. */
    public static final String ONCE = "once";

    private final Rounds rounds;
    private final ChannelMembers channels;

    public PulseRounds(Rounds rounds, ChannelMembers channels) {
        this.rounds = rounds;
        this.channels = channels;
    }

    /**
     * Who the survey asks now: the directory's active people who are not bots (everyone, its departments, everyone
     * under its manager at any depth, its picked people), or its channel's members as the platform lists them. Call
     * it outside a transaction: a channel's members may take a call to the platform.
     *
     * @throws RuntimeException from {@link ChannelMembers} when the platform can't list the channel now
     */
    public List<Long> audience(Jdbi jdbi, Survey survey) {
        long orgId = survey.orgId();
        return switch (survey.audience()) {
            case EVERYONE -> jdbi.withExtension(AudienceDao.class, dao -> dao.everyone(orgId));
            case DEPARTMENTS ->
                jdbi.withExtension(AudienceDao.class, dao -> dao.inDepartments(orgId, survey.audienceDepartments()));
            case ORGANISATION ->
                survey.audienceManagerId() == null
                        ? List.of()
                        : jdbi.withExtension(
                                AudienceDao.class, dao -> dao.organisationOf(orgId, survey.audienceManagerId()));
            case PEOPLE -> jdbi.withExtension(AudienceDao.class, dao -> dao.picked(orgId, survey.id()));
            case CHANNEL -> channels.personIds(orgId, survey.audienceChannel(), survey.createdBy());
        };
    }

    /**
     * Opens the survey's round of {@code period} for {@code people} in the caller's transaction, with its latest
     * questions; empty when that period was opened before.
     *
     * @param opening the period's local opening, or {@link Opening#now()}
     */
    public Optional<OpenedRound> open(
            Handle handle, Survey survey, List<Long> people, String period, Opening opening, Long openedBy) {
        QuestionnaireVersion version = handle.attach(QuestionnaireDao.class)
                .findLatest(survey.orgId(), survey.questionnaireId())
                .orElseThrow(() -> new IllegalStateException("survey " + survey.id() + " has no questions"));
        RoundTiming timing = new RoundTiming(
                opening,
                Deadline.workingDays(survey.deadlineDays()),
                survey.reminders() ? ReminderPlan.defaults() : ReminderPlan.none());
        return rounds.open(
                handle,
                new RoundRequest(
                        survey.orgId(),
                        FEATURE,
                        survey.subject(),
                        period,
                        survey.questionnaireId(),
                        version.version(),
                        timing,
                        survey.anonymous(),
                        people,
                        openedBy));
    }

    /** The engine's rounds, to open now, hold or resume reminders. */
    public Rounds rounds() {
        return rounds;
    }
}
