package dev.candor.scheduler.checkin;

import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.RoundCalendar;
import dev.candor.scheduler.ask.RoundSeries;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Check-ins as a series of engine rounds: each active check-in opens one round per period of its calendar. */
public final class CheckinSeries implements RoundSeries {
    private final CheckinRounds rounds;

    public CheckinSeries(CheckinRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public String feature() {
        return CheckinRounds.FEATURE;
    }

    @Override
    public List<Entry> active(Jdbi jdbi) {
        return jdbi.withExtension(CheckinDao.class, CheckinDao::listActive).stream()
                .map(checkin -> new Entry(checkin.orgId(), checkin.id(), checkin.subject(), calendar(checkin)))
                .toList();
    }

    @Override
    public boolean open(Jdbi jdbi, Entry entry, RoundCalendar.Occurrence occurrence, Instant now) {
        Checkin checkin = jdbi.withExtension(CheckinDao.class, checkins -> checkins.find(entry.orgId(), entry.id()))
                .orElse(null);
        if (checkin == null || !checkin.active()) {
            return false;
        }
        List<Long> people = rounds.audience(jdbi, checkin);
        return jdbi.inTransaction(handle -> rounds.open(
                        handle, checkin, people, occurrence.period(), Opening.at(occurrence.opensLocal()), now, null)
                .isPresent());
    }

    public static RoundCalendar calendar(Checkin checkin) {
        return new RoundCalendar(checkin.cadence(), checkin.day(), checkin.localTime(), checkin.startsOn());
    }
}
