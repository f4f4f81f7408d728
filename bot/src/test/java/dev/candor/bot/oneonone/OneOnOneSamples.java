package dev.candor.bot.oneonone;

import dev.candor.bot.ask.AskExtra;
import dev.candor.bot.ask.AskMessages;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Message;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.oneonone.Agenda;
import dev.candor.scheduler.oneonone.Attendee;
import dev.candor.scheduler.oneonone.CheckinHighlights;
import dev.candor.storage.Platform;
import dev.candor.storage.oneonone.AgendaItem;
import dev.candor.storage.oneonone.OneOnOne;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every 1:1 message with fixed data, for the golden files of both platforms: the meeting's ask DMs are the engine's
 * with the 1:1's agenda or notes prompt above.
 */
public final class OneOnOneSamples {
    private static final LocalDateTime MEETING = LocalDateTime.parse("2026-03-03T10:00");
    private static final Instant STARTS = Instant.parse("2026-03-03T10:00:00Z");

    private OneOnOneSamples() {}

    public static Map<String, Message> messages(Platform platform) {
        String user = platform == Platform.SLACK ? "U0" : "29:";
        Attendee gil = new Attendee(1, "Gil Giver", ZoneId.of("Europe/Lisbon"), platform, user + "gil");
        Attendee ana = new Attendee(2, "Ana Lopez", ZoneId.of("America/New_York"), platform, user + "ana");
        Agenda full = new Agenda(
                List.of(point(11, "talk about the conference budget"), point(12, "my promotion case")),
                new CheckinHighlights(2, "Waiting on the design review since Monday", "2026-W09"),
                List.of(
                        action(21, "Ask finance about the budget", 1, "Gil Giver"),
                        action(22, "Draft the promotion case", 2, "Ana Lopez")));
        OneOnOne saved = new OneOnOne(
                7,
                1,
                1,
                "Gil Giver",
                2,
                "Ana Lopez",
                2,
                2,
                LocalTime.of(10, 0),
                "Europe/Lisbon",
                MEETING,
                STARTS.minusSeconds(3600),
                0);
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put(
                "oneonone-reminder", ask(gil, 0, MeetingMessages.agenda(dm(gil, ana, true, full), Optional.empty())));
        messages.put(
                "oneonone-reminder-empty",
                ask(
                        ana,
                        0,
                        MeetingMessages.agenda(
                                dm(ana, gil, false, new Agenda(List.of(), null, List.of())), Optional.empty())));
        messages.put("oneonone-notes-prompt", ask(ana, 1, MeetingMessages.notesPrompt(dm(ana, gil, false, null))));
        messages.put(
                "oneonone-scheduled", OneOnOneMessages.scheduled(saved, STARTS, ana.zone(), false, Optional.empty()));
        messages.put(
                "oneonone-scheduled-unreachable",
                OneOnOneMessages.scheduled(saved, STARTS, ana.zone(), false, Optional.of(lost(platform))));
        messages.put(
                "oneonone-reminder-unreachable",
                ask(
                        gil,
                        0,
                        MeetingMessages.agenda(
                                dm(gil, ana, true, new Agenda(List.of(), null, List.of())),
                                Optional.of(lost(platform)))));
        messages.put("oneonone-list", OneOnOneMessages.list(platform, 1, gil.zone(), List.of(saved)));
        messages.put(
                "oneonone-usage",
                OneOnOneMessages.usage(platform, "\"tusday\" isn't a day: write monday," + " tuesday, … sunday."));
        return messages;
    }

    private static MeetingDm dm(Attendee to, Attendee with, boolean toManager, Agenda agenda) {
        return new MeetingDm(7, with.name(), toManager, STARTS, to.zone(), agenda);
    }

    /** The meeting's ask DM ({@code reminder} 0) or its notes reminder, as the engine's sweep queues it. */
    private static Message ask(Attendee to, int reminder, AskExtra extra) {
        return AskMessages.ask(
                new AskText(OneOnOneFeature.TITLE, null),
                70,
                STARTS.plus(java.time.Duration.ofDays(14)).minusSeconds(3600),
                to.zone(),
                reminder,
                extra);
    }

    private static Unreachable lost(Platform platform) {
        return platform == Platform.SLACK
                ? new Unreachable(
                        2,
                        "Ana Lopez",
                        platform,
                        Unreachable.Reason.NO_ACCOUNT,
                        "Candor doesn't know their Slack account.",
                        "Import the directory with their slack_user_id, or with the email of their Slack profile and"
                                + " have them use Candor once.")
                : new Unreachable(
                        2,
                        "Ana Lopez",
                        platform,
                        Unreachable.Reason.CHAT_REFUSED,
                        "Teams won't let Candor message them: Candor isn't installed for them or in a team of theirs.",
                        "Install Candor in a team they belong to, or for everyone in the Teams admin center.");
    }

    private static AgendaItem point(long id, String text) {
        return new AgendaItem(id, 7, "point", text, null, null, 2, null);
    }

    private static AgendaItem action(long id, String text, long owner, String ownerName) {
        return new AgendaItem(id, 7, "action", text, owner, ownerName, 1, MEETING.minusWeeks(2));
    }
}
