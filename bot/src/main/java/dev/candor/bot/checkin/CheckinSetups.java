package dev.candor.bot.checkin;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.checkin.CheckinRounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Who may set up check-ins, and storing them: a setup and its questions (a new questionnaire version on change). */
final class CheckinSetups {
    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Asking asking;
    private final Clock clock;

    CheckinSetups(Jdbi jdbi, PeopleDirectory directory, Asking asking, Clock clock) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.asking = asking;
        this.clock = clock;
    }

    /** Managers (people with direct reports, or the manager role) and HR admins. */
    boolean maySetUp(Actor actor) {
        return actor.isHrAdmin()
                || actor.role() == Role.MANAGER
                || jdbi.onDemand(CheckinDao.class).hasReports(actor.orgId(), actor.personId());
    }

    /** The setups the person may edit: their own; an HR admin, every setup of the organisation. */
    List<Checkin> editable(Actor actor) {
        CheckinDao checkins = jdbi.onDemand(CheckinDao.class);
        return actor.isHrAdmin()
                ? checkins.listByOrg(actor.orgId())
                : checkins.listByOwner(actor.orgId(), actor.personId());
    }

    Optional<Checkin> editable(Actor actor, long checkinId) {
        return jdbi.onDemand(CheckinDao.class)
                .find(actor.orgId(), checkinId)
                .filter(checkin -> actor.isHrAdmin() || checkin.ownerId() == actor.personId());
    }

    Form newForm(Actor actor) {
        boolean reports = jdbi.onDemand(CheckinDao.class).hasReports(actor.orgId(), actor.personId());
        return SetupForm.of(null, Questions.DEFAULT, List.of(), reports || actor.isHrAdmin(), actor.isHrAdmin());
    }

    /** The setup's current questions, as the engine has them. */
    Optional<Questionnaire> questions(Checkin checkin) {
        return jdbi.onDemand(QuestionnaireDao.class)
                .findLatest(checkin.orgId(), checkin.questionnaireId())
                .map(version -> Questions.questionnaire(version.questionsJson()));
    }

    Form editForm(Actor actor, Checkin checkin) {
        String lines = questions(checkin).map(Questions::lines).orElse(Questions.DEFAULT);
        List<Mention> people = new ArrayList<>();
        if (checkin.audience() == Audience.PEOPLE) {
            List<Long> ids = jdbi.onDemand(CheckinDao.class).listMembers(actor.orgId(), checkin.id());
            for (Contact contact : jdbi.onDemand(ContactDao.class).list(actor.orgId(), ids)) {
                if (contact.platform() == actor.platform() && contact.reachable()) {
                    people.add(new Mention(contact.platformUserId(), contact.name()));
                }
            }
        }
        return SetupForm.of(checkin, lines, people, true, false);
    }

    /**
     * Stores a new setup, or changes {@code existing}. The questions go through the asking engine, which checks them
     * again and stores a changed list as the questionnaire's next version (rounds keep the version they asked).
     *
     * @throws ProfileSource.NoSuchUser when a picked person doesn't exist on the platform
     */
    Checkin save(Actor actor, Checkin existing, SetupInput input) {
        List<Long> members = members(actor, input);
        if (existing == null) {
            long owner = owner(actor, input);
            if (input.audience() == Audience.REPORTS
                    && !jdbi.onDemand(CheckinDao.class).hasReports(actor.orgId(), owner)) {
                throw new NoReports(owner != actor.personId());
            }
            QuestionnaireVersion version = asking.createQuestionnaire(
                    actor.orgId(), CheckinRounds.FEATURE, input.questions(), actor.personId());
            return jdbi.inTransaction(handle -> {
                Checkin saved = handle.attach(CheckinDao.class)
                        .insert(row(actor, 0, owner, version.questionnaireId(), null, input), members);
                if (owner != actor.personId()) {
                    tellOwner(handle, actor, saved);
                }
                return saved;
            });
        }
        if (!questions(existing).map(input.questions()::equals).orElse(false)) {
            asking.editQuestionnaire(actor.orgId(), existing.questionnaireId(), input.questions(), actor.personId());
        }
        Checkin row = row(actor, existing.id(), existing.ownerId(), existing.questionnaireId(), existing, input);
        return jdbi.inTransaction(
                handle -> handle.attach(CheckinDao.class).update(row, members).orElseThrow());
    }

    /** The check-in owner's name. */
    String name(Checkin checkin) {
        return jdbi.onDemand(ContactDao.class).list(checkin.orgId(), List.of(checkin.ownerId())).stream()
                .map(Contact::name)
                .findFirst()
                .orElse("its owner");
    }

    /** The person saving it, or the manager an HR admin picked. */
    private long owner(Actor actor, SetupInput input) {
        if (input.owner() == null || !actor.isHrAdmin()) {
            return actor.personId();
        }
        return directory
                .personFor(actor, new Mention(input.owner(), input.owner()))
                .id();
    }

    /** A manager an HR admin set a check-in up for hears of it from Candor, once, with how to change it. */
    private static void tellOwner(Handle handle, Actor hr, Checkin checkin) {
        handle.attach(ContactDao.class).list(hr.orgId(), List.of(checkin.ownerId())).stream()
                .filter(Contact::reachable)
                .findFirst()
                .ifPresent(owner -> Outbox.toUser(
                        handle,
                        hr.orgId(),
                        owner.platform(),
                        owner.platformUserId(),
                        "checkin:" + checkin.id() + ":owner:" + owner.personId(),
                        CheckinMessages.setUpForYou(owner.platform(), hr, checkin)));
    }

    /** Nobody reports to the check-in's owner in the directory, so "direct reports" would ask nobody. */
    static final class NoReports extends RuntimeException {
        final boolean forSomeoneElse;

        NoReports(boolean forSomeoneElse) {
            super(null, null, false, false);
            this.forSomeoneElse = forSomeoneElse;
        }
    }

    private List<Long> members(Actor actor, SetupInput input) {
        List<Long> members = new ArrayList<>();
        if (input.audience() == Audience.PEOPLE) {
            for (String userId : input.people()) {
                members.add(
                        directory.personFor(actor, new Mention(userId, userId)).id());
            }
        }
        return members;
    }

    private Checkin row(Actor actor, long id, long ownerId, long questionnaireId, Checkin existing, SetupInput in) {
        String standup = in.standup()
                ? in.channel() != null ? in.channel() : existing == null ? null : existing.standupChannel()
                : null;
        return new Checkin(
                id,
                actor.orgId(),
                ownerId,
                in.name(),
                in.audience(),
                in.audience() == Audience.CHANNEL ? in.channel() : null,
                in.cadence(),
                in.day().getValue(),
                in.time(),
                in.deadlineDays(),
                questionnaireId,
                standup,
                existing == null ? LocalDate.now(clock.withZone(actor.zone())) : existing.startsOn(),
                true);
    }
}
