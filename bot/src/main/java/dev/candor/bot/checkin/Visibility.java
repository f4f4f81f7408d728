package dev.candor.bot.checkin;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinSettingsDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may read check-in answers: the person who gave them, the check-in's owner, and HR admins only where HR
 * switched it on for the organisation. Nobody else, whatever their role or team.
 */
final class Visibility {
    private Visibility() {}

    /** May the actor read everyone's answers in this check-in? */
    static boolean readsTeam(Jdbi jdbi, Actor actor, Checkin checkin) {
        return checkin.orgId() == actor.orgId()
                && (checkin.ownerId() == actor.personId()
                        || (actor.isHrAdmin()
                                && jdbi.onDemand(CheckinSettingsDao.class).hrCanRead(actor.orgId())));
    }
}
