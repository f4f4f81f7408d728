package dev.candor.bot.checkin;

import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.checkin.CheckinRounds;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.people.PersonLookupDao;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Check-ins as the asking engine knows them: what their asks say, who reads answers, the digest on close. */
final class CheckinFeature implements AskFeature {
    private final Jdbi jdbi;
    private final CheckinRoundEvents events;

    CheckinFeature(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.events = new CheckinRoundEvents(jdbi);
    }

    @Override
    public String name() {
        return CheckinRounds.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        Optional<Checkin> checkin = checkin(handle, round);
        String owner = checkin.flatMap(
                        found -> handle.attach(PersonLookupDao.class).findById(round.orgId(), found.ownerId()))
                .map(person -> person.name())
                .orElse(null);
        return new AskText(checkin.map(Checkin::name).orElse("Check-in"), owner);
    }

    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return checkin(handle, round)
                .map(found -> Visibility.readsTeam(jdbi, viewer, found))
                .orElse(false);
    }

    @Override
    public void answered(Handle handle, Round round, Answered answered) {
        events.answered(handle, round, answered);
    }

    @Override
    public void closed(Handle handle, Round round, AskCounts counts) {
        events.closed(handle, round, counts);
    }

    private static Optional<Checkin> checkin(Handle handle, Round round) {
        if (!round.subject().startsWith("checkin:")) {
            return Optional.empty();
        }
        return handle.attach(CheckinDao.class)
                .find(round.orgId(), Long.parseLong(round.subject().substring("checkin:".length())));
    }
}
