package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.scheduler.goal.GoalReminderJob;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.goal.GoalSettingsDao;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The weekly ask to update stale goals, now rather than on the owners' next working morning: a manager's for their
 * reports ({@code /goals remind}), HR's for everyone ({@code /candor admin goals remind}). It is the sweep's own ask
 * with the same key, so whoever asks first, each owner gets it once in a week of theirs.
 */
final class GoalAskNow {
    private final Jdbi jdbi;
    private final GoalReminderJob job;

    GoalAskNow(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.job = GoalReminderJob.on(jdbi, clock, new GoalReminderQueue());
    }

    /** A manager asks their direct reports. */
    Message reports(Actor actor) {
        Set<Long> reports = new HashSet<>(
                jdbi.withExtension(CheckinDao.class, dao -> dao.listReports(actor.orgId(), actor.personId())));
        if (reports.isEmpty()) {
            return Message.of("You have no reports in Candor's directory, so there is nobody to ask. HR sets managers"
                    + " with the people import.");
        }
        return said(actor, job.askNow(actor.orgId(), reports::contains), "your reports");
    }

    /** HR asks everyone in the organisation. */
    Message everyone(Actor actor) {
        return said(actor, job.askNow(actor.orgId(), person -> true), "everyone");
    }

    private Message said(Actor actor, GoalReminderJob.AskedNow asked, String whom) {
        int days = jdbi.withExtension(GoalSettingsDao.class, dao -> dao.get(actor.orgId()))
                .staleDays();
        if (asked.asked() + asked.already() + asked.away() == 0) {
            return Message.of("Nobody among " + whom + " has a goal left without an update for " + days
                    + " days: there is nothing to ask.");
        }
        StringBuilder text = new StringBuilder("🎯 ");
        text.append(
                asked.asked() == 0
                        ? "Nobody new was asked."
                        : "Asked " + people(asked.asked()) + " to update the goals nobody updated for " + days
                                + " days, in one DM each with a tap per goal.");
        if (asked.already() > 0) {
            text.append(' ')
                    .append(people(asked.already()))
                    .append(asked.already() == 1 ? " was" : " were")
                    .append(" asked this week already.");
        }
        if (asked.away() > 0) {
            text.append(' ')
                    .append(people(asked.away()))
                    .append(asked.away() == 1 ? " is" : " are")
                    .append(" away and will be asked when back.");
        }
        return Message.of(text.toString());
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }
}
