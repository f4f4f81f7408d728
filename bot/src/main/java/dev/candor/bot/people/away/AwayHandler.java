package dev.candor.bot.people.away;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.people.Away;
import dev.candor.storage.people.AwayDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /candor away until 2026-12-24}, {@code /candor away off} and {@code /candor away}: anyone says they are away,
 * so that check-ins, surveys and their reminders skip them instead of piling up. Answers are private.
 */
public final class AwayHandler implements CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(AwayHandler.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public AwayHandler(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        LocalDate today = LocalDate.now(clock.withZone(actor.zone()));
        String text = command.text().replaceFirst("(?i)^away\\b", "");
        try {
            return Reply.privately(answer(actor, AwayCommand.parse(text, today), today));
        } catch (AwayCommand.Mistake mistake) {
            return Reply.privately(AwayMessages.usage(actor.platform(), mistake.getMessage(), today));
        }
    }

    private Message answer(Actor actor, AwayCommand command, LocalDate today) {
        AwayDao away = jdbi.onDemand(AwayDao.class);
        if (command instanceof AwayCommand.Until until) {
            away.setUntil(actor.orgId(), actor.personId(), until.lastDay());
            log.info("person {} of org {} is away", actor.personId(), actor.orgId());
            return AwayMessages.away(actor.platform(), until.lastDay());
        }
        Instant now = clock.instant();
        Away before = away.find(actor.orgId(), actor.personId()).orElse(Away.NOT_AWAY);
        if (command instanceof AwayCommand.Off) {
            boolean wasAway = before.isAway(today, now);
            if (wasAway || before.statusAway() || before.until() != null) {
                away.clear(actor.orgId(), actor.personId());
                log.info("person {} of org {} is back", actor.personId(), actor.orgId());
            }
            return AwayMessages.back(actor.platform(), wasAway, before.isStatusAway(now));
        }
        return AwayMessages.status(actor.platform(), before, today, now, actor.zone());
    }
}
