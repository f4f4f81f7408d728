package dev.candor.bot.checkin;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.checkin.CheckinSeries;
import dev.candor.storage.checkin.Checkin;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /checkin …}: people answer and look back; managers set up, send, remind and read their team. Buttons and
 * forms whose ids start with {@code checkin.} come here too.
 */
public final class CheckinHandler implements CommandHandler, Handlers.ActionHandler, Handlers.FormHandler {
    private final CheckinSetups setups;
    private final CheckinSending sending;
    private final CheckinReading reading;
    private final PendingCheckin pending;
    private final CheckinReminders reminders;
    private final Clock clock;

    CheckinHandler(
            CheckinSetups setups,
            CheckinSending sending,
            CheckinReading reading,
            PendingCheckin pending,
            CheckinReminders reminders,
            Clock clock) {
        this.setups = setups;
        this.sending = sending;
        this.reading = reading;
        this.pending = pending;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        String rest = command.text().length() > command.verb().length()
                ? command.text().substring(command.verb().length()).strip()
                : "";
        return switch (command.verb()) {
            case "" -> pending.open(actor);
            case "history" -> Reply.privately(reading.history(actor));
            case "setup" -> setup(actor);
            case "send" -> managed(actor, "send", rest, checkin -> sending.send(actor, checkin));
            case "remind" -> managed(actor, "remind", rest, checkin -> reminders.remind(actor, checkin));
            case "team" -> managed(actor, "team", rest, checkin -> reading.team(actor, checkin));
            default -> Reply.privately(CheckinMessages.usage(actor.platform()));
        };
    }

    private Reply setup(Actor actor) {
        if (!setups.maySetUp(actor)) {
            return Reply.privately(CheckinMessages.notAManager());
        }
        List<Checkin> mine = setups.editable(actor);
        return mine.isEmpty() ? Reply.form(setups.newForm(actor)) : Reply.privately(CheckinMessages.setups(mine));
    }

    /** A command about one of the person's setups: the one named, or their only one. */
    private Reply managed(Actor actor, String verb, String name, java.util.function.Function<Checkin, Message> then) {
        List<Checkin> mine = setups.editable(actor);
        Optional<Checkin> chosen = mine.size() == 1 && name.isEmpty()
                ? Optional.of(mine.get(0))
                : mine.stream()
                        .filter(checkin -> !name.isEmpty()
                                && checkin.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)))
                        .findFirst();
        return Reply.privately(chosen.map(then).orElseGet(() -> CheckinMessages.choose(actor.platform(), verb, mine)));
    }

    @Override
    public Reply handle(Action action) {
        Actor actor = action.actor();
        return switch (action.actionId()) {
            case CheckinMessages.NEW ->
                setups.maySetUp(actor)
                        ? Reply.form(setups.newForm(actor))
                        : Reply.privately(CheckinMessages.notAManager());
            case CheckinMessages.EDIT ->
                id(action.value())
                        .flatMap(id -> setups.editable(actor, id))
                        .<Reply>map(checkin -> Reply.form(setups.editForm(actor, checkin)))
                        .orElseGet(() -> Reply.privately("That check-in is gone, or it isn't yours to edit."));
            case DigestMessages.REPLY -> reading.replyForm(actor, action.value());
            case DigestMessages.REMIND -> Reply.privately(reminders.remindRound(actor, action.value()));
            default -> Reply.privately(CheckinMessages.usage(actor.platform()));
        };
    }

    @Override
    public Reply handle(FormSubmission form) {
        if (form.formId().equals(DigestMessages.REPLY_FORM)) {
            return reading.reply(form);
        }
        Actor actor = form.actor();
        Checkin existing = null;
        if (!SetupForm.NEW.equals(form.context())) {
            Optional<Checkin> found = id(form.context()).flatMap(id -> setups.editable(actor, id));
            if (found.isEmpty()) {
                return Reply.privately("That check-in is gone, or it isn't yours to edit.");
            }
            existing = found.get();
        } else if (!setups.maySetUp(actor)) {
            return Reply.privately(CheckinMessages.notAManager());
        }
        SetupInput input = SetupInput.read(
                form, existing == null ? null : setups.questions(existing).orElse(null));
        if (input.standup() && input.channel() == null && (existing == null || existing.standupChannel() == null)) {
            return new Reply.FormErrors(Map.of(
                    SetupForm.DESTINATION,
                    "Open " + CheckinMessages.checkin(actor.platform(), "setup")
                            + " in the channel where the stand-up should be posted."));
        }
        if (!input.errors().isEmpty()) {
            return new Reply.FormErrors(input.errors());
        }
        try {
            Checkin saved = setups.save(actor, existing, input);
            LocalDate today = LocalDate.now(clock.withZone(actor.zone()));
            return Reply.privately(CheckinMessages.saved(
                    actor.platform(),
                    saved,
                    existing == null,
                    CheckinSeries.calendar(saved).next(today),
                    sending.unreachable(saved),
                    existing == null && saved.ownerId() != actor.personId() ? setups.name(saved) : null));
        } catch (ProfileSource.NoSuchUser unknown) {
            return new Reply.FormErrors(Map.of(
                    input.owner() != null ? SetupForm.OWNER : SetupForm.PEOPLE,
                    "One of these people isn't in this workspace."));
        } catch (CheckinSetups.NoReports none) {
            return new Reply.FormErrors(
                    none.forSomeoneElse
                            ? Map.of(
                                    SetupForm.OWNER,
                                    "Nobody reports to this person in the directory: pick their manager's"
                                            + " name, or choose the people to ask below.")
                            : Map.of(
                                    SetupForm.AUDIENCE,
                                    "Nobody reports to you in the directory: pick the people to ask"
                                            + " instead, or ask HR to import the directory."));
        }
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
