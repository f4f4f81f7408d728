package dev.candor.bot.oneonone;

import dev.candor.bot.ask.AskExtra;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.people.Reachability;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.oneonone.Agenda;
import dev.candor.scheduler.oneonone.LatestCheckin;
import dev.candor.scheduler.oneonone.MeetingPlanner;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.OneOnOne;
import dev.candor.storage.oneonone.OneOnOneDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 1:1s as the asking engine knows them (feature {@code oneonone}): each meeting is a round for both people whose ask
 * DM, an hour before, carries the agenda, and whose reminder after the meeting asks for notes and next steps. An
 * answer becomes the author's notes and next steps; a closed round leads on to the next meeting's.
 */
public final class OneOnOneFeature implements AskFeature {
    static final String TITLE = "1:1 notes and next steps";

    private final Clock clock;
    private final LatestCheckin checkins;
    private final Reachability reachability;
    private final MeetingRounds rounds;

    public OneOnOneFeature(Jdbi jdbi, Clock clock, Asking asking, LatestCheckin checkins) {
        this.clock = clock;
        this.checkins = checkins;
        this.reachability = new Reachability(jdbi);
        this.rounds = new MeetingRounds(asking, clock);
    }

    @Override
    public String name() {
        return MeetingPlanner.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        return new AskText(TITLE, null);
    }

    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return oneOnOne(handle, round)
                .map(found -> found.managerId() == viewer.personId() || found.reportId() == viewer.personId())
                .orElse(false);
    }

    @Override
    public Map<Long, AskExtra> extras(Handle handle, Round round, List<DueAsk> due) {
        Optional<OneOnOne> found = oneOnOne(handle, round);
        LocalDateTime meeting = MeetingPlanner.meeting(round.period());
        if (found.isEmpty() || meeting == null) {
            return Map.of();
        }
        OneOnOne oneOnOne = found.get();
        Instant startsAt = MeetingRounds.cadence(oneOnOne).at(meeting);
        boolean opening = due.stream().anyMatch(ask -> ask.delivery().reminder() == 0);
        Agenda agenda = opening ? agenda(handle, oneOnOne) : null;
        Optional<Unreachable> lost = opening
                ? reachability.unreachable(oneOnOne.orgId(), List.of(oneOnOne.reportId())).stream()
                        .findFirst()
                : Optional.empty();
        Map<Long, AskExtra> extras = new HashMap<>();
        for (DueAsk ask : due) {
            boolean toManager = ask.delivery().personId() == oneOnOne.managerId();
            MeetingDm dm = new MeetingDm(
                    oneOnOne.id(),
                    toManager ? oneOnOne.reportName() : oneOnOne.managerName(),
                    toManager,
                    startsAt,
                    ask.zone(),
                    agenda);
            extras.put(
                    ask.delivery().askId(),
                    ask.delivery().reminder() == 0
                            ? MeetingMessages.agenda(dm, toManager ? lost : Optional.empty())
                            : MeetingMessages.notesPrompt(dm));
        }
        return extras;
    }

    @Override
    public void answered(Handle handle, Round round, Answered answered) {
        LocalDateTime meeting = MeetingPlanner.meeting(round.period());
        oneOnOne(handle, round)
                .filter(found -> meeting != null)
                .ifPresent(found -> MeetingNotes.save(
                        handle,
                        found,
                        meeting,
                        MeetingRounds.cadence(found).at(meeting),
                        answered.askId(),
                        answered.personId(),
                        clock.instant()));
    }

    @Override
    public void closed(Handle handle, Round round, AskCounts counts) {
        LocalDateTime meeting = MeetingPlanner.meeting(round.period());
        Optional<OneOnOne> found = oneOnOne(handle, round);
        if (found.isEmpty() || meeting == null) {
            return;
        }
        OneOnOne oneOnOne = found.get();
        handle.attach(AgendaDao.class)
                .markPointsDiscussed(
                        oneOnOne.orgId(),
                        oneOnOne.id(),
                        MeetingRounds.cadence(oneOnOne).at(meeting),
                        clock.instant());
        if (MeetingRounds.current(oneOnOne, round)) {
            rounds.openNext(handle, oneOnOne, meeting);
        }
    }

    private Agenda agenda(Handle handle, OneOnOne oneOnOne) {
        long[] ids = {oneOnOne.id()};
        return Agenda.of(
                handle.attach(AgendaDao.class).listOpen(ids),
                checkins.of(handle, ids).get(oneOnOne.id()));
    }

    private static Optional<OneOnOne> oneOnOne(Handle handle, Round round) {
        long id = MeetingPlanner.oneOnOneId(round.subject());
        return id < 0 ? Optional.empty() : handle.attach(OneOnOneDao.class).findActive(round.orgId(), id);
    }

    /** How 1:1 commands open and cancel meeting rounds. */
    MeetingRounds rounds() {
        return rounds;
    }
}
