package dev.candor.scheduler.oneonone;

import dev.candor.storage.oneonone.AgendaItem;
import java.util.List;

/**
 * A meeting's agenda: the talking points added, the report's latest check-in (or null), and the action items still
 * open from earlier meetings.
 */
public record Agenda(List<AgendaItem> points, CheckinHighlights checkin, List<AgendaItem> actions) {
    public Agenda {
        points = List.copyOf(points);
        actions = List.copyOf(actions);
    }

    public static Agenda of(List<AgendaItem> items, CheckinHighlights checkin) {
        return new Agenda(
                items.stream().filter(item -> !item.isAction()).toList(),
                checkin,
                items.stream().filter(AgendaItem::isAction).toList());
    }

    public boolean isEmpty() {
        return points.isEmpty() && checkin == null && actions.isEmpty();
    }
}
