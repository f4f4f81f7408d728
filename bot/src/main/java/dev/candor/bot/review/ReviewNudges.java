package dev.candor.bot.review;

import dev.candor.bot.ask.AskMessages;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.review.ReviewOverdueJob;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.review.ReviewDao;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The DMs of an overdue review: to the person (with the form's button), then to their manager. */
public final class ReviewNudges implements ReviewOverdueJob.Outbox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    @Override
    public void overdue(Handle handle, ReviewDao.Overdue ask, Instant until, WorkingTime person) {
        String text = "⏰ Your " + ask.kind().label().toLowerCase(Locale.ROOT)
                + (ask.aboutName() == null ? " of " : " of " + ask.aboutName() + " for ") + ask.cycleName()
                + " was due "
                + when(ask.dueAt(), person.zone()) + ". You can still send it until " + when(until, person.zone())
                + " (your time).";
        send(
                handle,
                ask.orgId(),
                ask.personId(),
                "review-overdue:" + ask.askId(),
                new Message(
                        text,
                        List.of(
                                new Block.Section(Text.of(text)),
                                new Block.Buttons(List.of(new Block.Button(
                                        AskMessages.ANSWER,
                                        "Answer",
                                        Long.toString(ask.askId()),
                                        Block.ButtonStyle.PRIMARY))))));
    }

    @Override
    public void escalate(Handle handle, ReviewDao.Overdue ask, WorkingTime person) {
        String text = "⏰ " + ask.personName() + "'s " + ask.kind().label().toLowerCase(Locale.ROOT)
                + (ask.aboutName() == null ? " of " : " of " + ask.aboutName() + " for ") + ask.cycleName() + " is "
                + ReviewOverdueJob.ESCALATE_AFTER + " working days overdue (it was due "
                + when(ask.dueAt(), person.zone()) + " their time). They were told and can still send it for a few"
                + " days; a word from you may help.";
        send(
                handle,
                ask.orgId(),
                ask.managerId(),
                "review-escalate:" + ask.askId(),
                new Message(text, List.of(new Block.Section(Text.of(text)))));
    }

    private static void send(Handle handle, long orgId, long personId, String key, Message message) {
        for (Contact contact : handle.attach(ContactDao.class).list(orgId, List.of(personId))) {
            if (contact.reachable()) {
                Outbox.toUser(handle, orgId, contact.platform(), contact.platformUserId(), key, message);
            }
        }
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
