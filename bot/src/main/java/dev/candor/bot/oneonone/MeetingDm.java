package dev.candor.bot.oneonone;

import dev.candor.scheduler.oneonone.Agenda;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What one of the two people of a 1:1 is told about a meeting, in their own zone.
 *
 * @param with the other person's name
 * @param agenda the agenda (the DM before the meeting), or null (the notes reminder after it)
 */
record MeetingDm(long oneOnOneId, String with, boolean toManager, Instant startsAt, ZoneId zone, Agenda agenda) {}
