package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.AgendaItem;
import dev.candor.storage.oneonone.OneOnOne;
import dev.candor.storage.oneonone.OneOnOneDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The buttons of 1:1 messages and their form: "Add a talking point" and Done on an action item. Only the two people
 * of a 1:1 may use them. ("Notes and next steps" is the asking engine's form of the meeting's round.)
 */
public final class OneOnOneForms implements Handlers.ActionHandler, Handlers.FormHandler {
    static final String ADD_POINT = "oneonone.point";
    static final String DONE = "oneonone.done";
    static final String POINT = "point";

    private final Jdbi jdbi;
    private final Clock clock;

    public OneOnOneForms(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Reply handle(Action action) {
        Actor actor = action.actor();
        switch (action.actionId()) {
            case ADD_POINT -> {
                Optional<OneOnOne> oneOnOne = attended(actor, parseId(action.value()));
                return oneOnOne.map(found -> Reply.form(pointForm(actor, found)))
                        .orElseGet(OneOnOneForms::gone);
            }
            case DONE -> {
                return done(actor, parseId(action.value()));
            }
            default -> {
                return gone();
            }
        }
    }

    @Override
    public Reply handle(FormSubmission submission) {
        Actor actor = submission.actor();
        Optional<OneOnOne> oneOnOne = attended(actor, parseId(submission.context()));
        if (oneOnOne.isEmpty()) {
            return gone();
        }
        String point = submission.text(POINT);
        if (point.isEmpty() || point.length() > OneOnOneCommands.MAX_POINT) {
            return new Reply.FormErrors(java.util.Map.of(
                    POINT,
                    point.isEmpty()
                            ? "Say what you want to talk about."
                            : "Keep it under " + OneOnOneCommands.MAX_POINT + " characters."));
        }
        jdbi.onDemand(AgendaDao.class)
                .insertPoint(actor.orgId(), oneOnOne.get().id(), point, actor.personId(), clock.instant());
        return Reply.privately(OneOnOneMessages.pointAdded(other(actor, oneOnOne.get()), point));
    }

    private Reply done(Actor actor, long itemId) {
        AgendaDao agenda = jdbi.onDemand(AgendaDao.class);
        Optional<AgendaItem> item = agenda.find(actor.orgId(), itemId);
        if (item.isEmpty() || attended(actor, item.get().oneOnOneId()).isEmpty()) {
            return gone();
        }
        boolean marked = agenda.markDone(actor.orgId(), itemId, actor.personId(), clock.instant());
        return Reply.privately(Message.of(Text.builder()
                .plain(marked ? "✅ Done: " : "Already done: ")
                .plain(item.get().text())
                .build()));
    }

    private static Form pointForm(Actor actor, OneOnOne oneOnOne) {
        return new Form(
                ADD_POINT,
                "Add a talking point",
                "Add",
                List.of(new Block.Context(Text.of("For your next 1:1 with " + other(actor, oneOnOne)))),
                List.of(new Form.TextInput(
                        POINT,
                        "What do you want to talk about?",
                        "e.g. the conference budget",
                        false,
                        true,
                        null,
                        OneOnOneCommands.MAX_POINT)),
                String.valueOf(oneOnOne.id()));
    }

    /** The active 1:1 with this id, when the person is one of its two. */
    private Optional<OneOnOne> attended(Actor actor, long id) {
        return jdbi.onDemand(OneOnOneDao.class)
                .findActive(actor.orgId(), id)
                .filter(found -> found.managerId() == actor.personId() || found.reportId() == actor.personId());
    }

    static String other(Actor actor, OneOnOne oneOnOne) {
        return oneOnOne.managerId() == actor.personId() ? oneOnOne.reportName() : oneOnOne.managerName();
    }

    static Reply gone() {
        return Reply.privately("That 1:1 isn't running any more, or it isn't yours.");
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
