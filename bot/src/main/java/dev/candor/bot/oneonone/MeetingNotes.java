package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.OneOnOne;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The "Notes and next steps" form of a meeting: notes, and next steps one per line for each of the two (the owner
 * is the input they are typed in). Sending it again replaces that person's notes and open next steps of the meeting.
 */
final class MeetingNotes {
    static final String NOTES = "notes";
    static final String MINE = "mine";
    static final String THEIRS = "theirs";
    static final int MAX_NOTES = 3000;
    static final int MAX_STEPS = 20;

    /** Finds the active 1:1 the person is one of the two of. */
    interface Attended {
        Optional<OneOnOne> find(long oneOnOneId);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    MeetingNotes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    static Form form(Actor actor, OneOnOne oneOnOne, NotesContext context) {
        String other = OneOnOneForms.other(actor, oneOnOne);
        return new Form(
                OneOnOneForms.WRITE_NOTES,
                "Notes and next steps",
                "Save",
                List.of(new Block.Context(Text.of("Your 1:1 with " + other + ". Next steps come back on every agenda"
                        + " until someone marks them done."))),
                List.of(
                        new Form.TextInput(NOTES, "Notes", "What you talked about", true, false, null, MAX_NOTES, null),
                        new Form.TextInput(
                                MINE,
                                "Your next steps",
                                "One per line",
                                true,
                                false,
                                null,
                                MAX_STEPS * OneOnOneCommands.MAX_POINT,
                                "One per line; you own these."),
                        new Form.TextInput(
                                THEIRS,
                                other + "'s next steps",
                                "One per line",
                                true,
                                false,
                                null,
                                MAX_STEPS * OneOnOneCommands.MAX_POINT,
                                "One per line; " + other + " owns these.")),
                NotesContext.of(context.oneOnOneId(), context.meeting()));
    }

    Reply submit(FormSubmission submission, Attended attended) {
        Actor actor = submission.actor();
        NotesContext context = NotesContext.parse(submission.context());
        Optional<OneOnOne> found = context == null ? Optional.empty() : attended.find(context.oneOnOneId());
        if (found.isEmpty()) {
            return OneOnOneForms.gone();
        }
        OneOnOne oneOnOne = found.get();
        String notes = submission.text(NOTES);
        List<String> mine = steps(submission.text(MINE));
        List<String> theirs = steps(submission.text(THEIRS));
        Map<String, String> errors = new LinkedHashMap<>();
        if (notes.length() > MAX_NOTES) {
            errors.put(NOTES, "Keep notes under " + MAX_NOTES + " characters.");
        }
        check(MINE, mine, errors);
        check(THEIRS, theirs, errors);
        if (!errors.isEmpty()) {
            return new Reply.FormErrors(errors);
        }
        long otherId = oneOnOne.managerId() == actor.personId() ? oneOnOne.reportId() : oneOnOne.managerId();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            AgendaDao agenda = handle.attach(AgendaDao.class);
            agenda.saveNotes(actor.orgId(), oneOnOne.id(), context.meeting(), actor.personId(), notes, now);
            agenda.deleteOpenActions(actor.orgId(), oneOnOne.id(), context.meeting(), actor.personId());
            mine.forEach(step -> agenda.insertAction(
                    actor.orgId(), oneOnOne.id(), step, actor.personId(), actor.personId(), context.meeting()));
            theirs.forEach(step -> agenda.insertAction(
                    actor.orgId(), oneOnOne.id(), step, otherId, actor.personId(), context.meeting()));
        });
        int count = mine.size() + theirs.size();
        return Reply.privately(Message.of(
                "✅ Saved your notes" + (count == 0 ? "" : " and " + count + (count == 1 ? " next step" : " next steps"))
                        + ". Open next steps come back on the agenda of your"
                        + " next 1:1 with " + OneOnOneForms.other(actor, oneOnOne) + " until marked done."));
    }

    private static List<String> steps(String text) {
        return text.lines()
                .map(line -> line.strip().replaceFirst("^[-•*]\\s*", ""))
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static void check(String input, List<String> steps, Map<String, String> errors) {
        if (steps.size() > MAX_STEPS) {
            errors.put(input, "At most " + MAX_STEPS + " next steps each, one per line.");
        } else if (steps.stream().anyMatch(step -> step.length() > OneOnOneCommands.MAX_POINT)) {
            errors.put(input, "Keep each next step under " + OneOnOneCommands.MAX_POINT + " characters.");
        }
    }
}
