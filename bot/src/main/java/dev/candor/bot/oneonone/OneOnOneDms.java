package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.Reachability;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.oneonone.MeetingMessage;
import dev.candor.scheduler.oneonone.OneOnOneOutbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Turns the 1:1 sweep's decisions into DMs and queues them in the outbox. When Candor can't reach the report, the
 * manager's reminder says so and how to fix it. A DM to someone with a known account is still queued, as the engine's
 * asks are: the platform refused them before, and only a later delivery that gets through clears that refusal.
 */
public final class OneOnOneDms implements OneOnOneOutbox {
    private final Reachability reachability;

    public OneOnOneDms(Reachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public int queue(Handle handle, List<MeetingMessage> messages) {
        Map<Long, Unreachable> lost = unreachable(messages);
        return Outbox.toUsers(
                handle,
                messages.stream()
                        .map(dm -> new Outbox.UserMessage(
                                dm.orgId(), dm.to().platform(), dm.to().platformUserId(), dm.key(), message(dm, lost)))
                        .toList());
    }

    private static Message message(MeetingMessage dm, Map<Long, Unreachable> lost) {
        if (dm.kind() == MeetingMessage.Kind.NOTES) {
            return MeetingMessages.notesPrompt(dm);
        }
        Optional<Unreachable> report =
                dm.toManager() ? Optional.ofNullable(lost.get(dm.with().personId())) : Optional.empty();
        return MeetingMessages.reminder(dm, report);
    }

    /** The reports of the managers' reminders whom Candor can't reach, by person: one look-up per organisation. */
    private Map<Long, Unreachable> unreachable(List<MeetingMessage> messages) {
        Map<Long, Set<Long>> people = messages.stream()
                .filter(dm -> dm.kind() == MeetingMessage.Kind.REMINDER && dm.toManager())
                .collect(Collectors.groupingBy(
                        MeetingMessage::orgId,
                        Collectors.mapping(dm -> dm.with().personId(), Collectors.toSet())));
        Map<Long, Unreachable> lost = new HashMap<>();
        people.forEach((orgId, ids) -> lost.putAll(reachability.unreachable(orgId, ids).stream()
                .collect(Collectors.toMap(Unreachable::personId, Function.identity()))));
        return lost;
    }
}
