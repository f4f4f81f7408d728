package dev.candor.bot.oneonone;

import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.OneOnOne;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The "Notes and next steps" questionnaire of every 1:1 meeting, rendered by the engine's form, and what an answer
 * becomes: the author's notes of the meeting, and next steps one per line, owned by the author or by the other of
 * the two (the question they are typed in), open on every agenda until someone presses Done. Answering again
 * replaces the author's notes and open next steps of that meeting.
 */
final class MeetingNotes {
    static final String NOTES = "notes";
    static final String MINE = "mine";
    static final String THEIRS = "theirs";
    /** What the database keeps of one next step; a longer line is cut there. */
    static final int LONGEST_STEP = OneOnOneCommands.MAX_POINT;

    private MeetingNotes() {}

    static Questionnaire questionnaire() {
        return new Questionnaire(
                new Question.Text(NOTES, "Notes: what you talked about", false, true, Question.Text.LONGEST),
                new Question.Text(
                        MINE, "Your next steps, one per line: you own these", false, true, Question.Text.LONGEST),
                new Question.Text(
                        THEIRS,
                        "The other person's next steps, one per line: they own these",
                        false,
                        true,
                        Question.Text.LONGEST));
    }

    /** Stores the author's answer of the meeting; talking points from before it are done with it. */
    static void save(
            Handle handle,
            OneOnOne oneOnOne,
            LocalDateTime meeting,
            Instant startedAt,
            long askId,
            long authorId,
            Instant now) {
        Answers answers = handle.attach(AnswerDao.class)
                .findByAsk(oneOnOne.orgId(), askId)
                .map(stored -> QuestionsJson.readAnswers(stored.valuesJson()))
                .orElseThrow();
        long otherId = oneOnOne.managerId() == authorId ? oneOnOne.reportId() : oneOnOne.managerId();
        AgendaDao agenda = handle.attach(AgendaDao.class);
        long orgId = oneOnOne.orgId();
        agenda.saveNotes(
                orgId,
                oneOnOne.id(),
                meeting,
                authorId,
                answers.text(NOTES).orElse("").strip(),
                now);
        agenda.deleteOpenActions(orgId, oneOnOne.id(), meeting, authorId);
        steps(answers.text(MINE).orElse(""))
                .forEach(step -> agenda.insertAction(orgId, oneOnOne.id(), step, authorId, authorId, meeting));
        steps(answers.text(THEIRS).orElse(""))
                .forEach(step -> agenda.insertAction(orgId, oneOnOne.id(), step, otherId, authorId, meeting));
        agenda.markPointsDiscussed(orgId, oneOnOne.id(), startedAt, now);
    }

    static List<String> steps(String text) {
        return text.lines()
                .map(line -> line.strip().replaceFirst("^[-•*]\\s*", ""))
                .filter(line -> !line.isEmpty())
                .map(line -> line.length() <= LONGEST_STEP ? line : line.substring(0, LONGEST_STEP - 1) + "…")
                .toList();
    }
}
