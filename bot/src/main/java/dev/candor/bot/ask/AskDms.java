package dev.candor.bot.ask;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.AskOutbox;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.storage.ask.AskDelivery;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The sweeps' asks and reminders as DMs: each round's wording asked of its feature once per batch. */
final class AskDms implements AskOutbox {
    private final AskFeatures features;

    AskDms(AskFeatures features) {
        this.features = features;
    }

    @Override
    public int queue(Handle handle, List<DueAsk> due) {
        Map<Long, AskText> texts = new HashMap<>();
        Map<Long, AskExtra> extras = new HashMap<>();
        Map<Long, List<DueAsk>> byRound =
                due.stream().collect(Collectors.groupingBy(ask -> ask.delivery().roundId()));
        for (Round round : handle.attach(RoundDao.class).listByIds(byRound.keySet())) {
            texts.put(round.id(), features.text(handle, round));
            extras.putAll(features.extras(handle, round, byRound.get(round.id())));
        }
        List<Outbox.UserMessage> messages = due.stream()
                .map(ask -> new Outbox.UserMessage(
                        ask.delivery().orgId(),
                        ask.delivery().platform(),
                        ask.delivery().platformUserId(),
                        ask.key(),
                        message(
                                texts.get(ask.delivery().roundId()),
                                ask,
                                extras.getOrDefault(ask.delivery().askId(), AskExtra.NONE))))
                .toList();
        return Outbox.toUsers(handle, messages);
    }

    private static Message message(AskText text, DueAsk due, AskExtra extra) {
        AskDelivery delivery = due.delivery();
        return AskMessages.ask(text, delivery.askId(), delivery.dueAt(), due.zone(), delivery.reminder(), extra);
    }
}
