package dev.candor.bot.ask;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.AskOutbox;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.storage.ask.AskDelivery;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The sweeps' asks and reminders as DMs: each round's wording asked of its feature once per batch; the asks of one
 * DM group (see {@link AskFeature#dmGroup}) due to one person in one batch listed in one DM.
 */
final class AskDms implements AskOutbox {
    private final AskFeatures features;

    AskDms(AskFeatures features) {
        this.features = features;
    }

    @Override
    public int queue(Handle handle, List<DueAsk> due) {
        Map<Long, AskText> texts = new HashMap<>();
        Map<Long, AskExtra> extras = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        Map<Long, List<DueAsk>> byRound =
                due.stream().collect(Collectors.groupingBy(ask -> ask.delivery().roundId()));
        for (Round round : handle.attach(RoundDao.class).listByIds(byRound.keySet())) {
            texts.put(round.id(), features.text(handle, round));
            extras.putAll(features.extras(handle, round, byRound.get(round.id())));
            String group = features.dmGroup(handle, round);
            if (group != null) {
                groups.put(round.id(), group);
            }
        }
        // the asks of one group to one person (and the same reminder) together; every other ask on its own
        Map<List<Object>, List<DueAsk>> together = new LinkedHashMap<>();
        for (DueAsk ask : due) {
            AskDelivery delivery = ask.delivery();
            String group = groups.get(delivery.roundId());
            together.computeIfAbsent(
                            group == null
                                    ? List.of(delivery.askId())
                                    : List.of(
                                            group,
                                            delivery.orgId(),
                                            delivery.platform(),
                                            String.valueOf(delivery.platformUserId()),
                                            delivery.reminder()),
                            key -> new ArrayList<>())
                    .add(ask);
        }
        List<Outbox.UserMessage> messages = new ArrayList<>();
        for (List<DueAsk> asks : together.values()) {
            DueAsk first = asks.get(0);
            AskDelivery delivery = first.delivery();
            if (asks.size() == 1) {
                messages.add(new Outbox.UserMessage(
                        delivery.orgId(),
                        delivery.platform(),
                        delivery.platformUserId(),
                        first.key(),
                        message(
                                texts.get(delivery.roundId()),
                                first,
                                extras.getOrDefault(delivery.askId(), AskExtra.NONE))));
                continue;
            }
            for (int from = 0; from < asks.size(); from += AskMessages.MOST_LISTED) {
                List<DueAsk> part = asks.subList(from, Math.min(asks.size(), from + AskMessages.MOST_LISTED));
                List<AskMessages.Listed> listed = part.stream()
                        .map(ask -> new AskMessages.Listed(
                                texts.get(ask.delivery().roundId()),
                                ask.delivery().askId(),
                                ask.delivery().dueAt()))
                        .toList();
                messages.add(new Outbox.UserMessage(
                        delivery.orgId(),
                        delivery.platform(),
                        delivery.platformUserId(),
                        "asks:"
                                + part.stream()
                                        .map(ask ->
                                                String.valueOf(ask.delivery().askId()))
                                        .collect(Collectors.joining(","))
                                + ":" + delivery.reminder(),
                        AskMessages.several(listed, first.zone(), delivery.reminder())));
            }
        }
        return Outbox.toUsers(handle, messages);
    }

    private static Message message(AskText text, DueAsk due, AskExtra extra) {
        AskDelivery delivery = due.delivery();
        return AskMessages.ask(text, delivery.askId(), delivery.dueAt(), due.zone(), delivery.reminder(), extra);
    }
}
