package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalSettingsDao;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalUpdate;
import dev.candor.storage.goal.GoalVisibility;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonLookupDao;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Goals: adding one (with its owners), updating one (kept as history), and reading them as the visibility allows.
 * Only an owner or an owner's manager updates a goal.
 */
final class Goals {
    static final int MOST_OWNERS = 5;
    static final int MOST_KEY_RESULTS = 5;
    /** Numbers people type are kept within this, so that no one breaks a chart with 1e300. */
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;

    Goals(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
    }

    /** What a person asked to add. */
    record NewGoal(
            String title,
            String description,
            List<Mention> owners,
            LocalDate due,
            GoalMeasure measure,
            BigDecimal from,
            BigDecimal to,
            String unit,
            GoalVisibility visibility,
            Long parentId,
            boolean company,
            List<GoalLine.Added> keyResults) {}

    /** The goal added, or why not and which form field that concerns. */
    record Added(Goal goal, String problem, String field) {}

    LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), actor.zone());
    }

    GoalCycle cycle(Actor actor) {
        return jdbi.withHandle(handle -> GoalCycles.on(handle, actor.orgId(), today(actor)));
    }

    Added add(Actor actor, NewGoal goal, String sourceKey) {
        List<Long> owners = new ArrayList<>();
        for (Mention mention : goal.owners()) {
            Person person;
            try {
                person = directory.personFor(actor, mention);
            } catch (ProfileSource.NoSuchUser unknown) {
                return new Added(
                        null, mention.displayName() + " isn't in this workspace's directory.", GoalForms.OWNERS);
            }
            if (person.isBot() || !person.active()) {
                return new Added(
                        null,
                        person.name() + " can't own a goal: " + (person.isBot() ? "it's a bot." : "they left."),
                        GoalForms.OWNERS);
            }
            if (!owners.contains(person.id())) {
                owners.add(person.id());
            }
        }
        if (owners.isEmpty()) {
            owners.add(actor.personId());
        }
        if (owners.size() > MOST_OWNERS) {
            return new Added(null, "A goal has up to " + MOST_OWNERS + " owners.", GoalForms.OWNERS);
        }
        String range = rangeProblem(goal.measure(), goal.from(), goal.to());
        if (range != null) {
            return new Added(null, range, GoalForms.TARGET);
        }
        return jdbi.inTransaction(handle -> {
            GoalCycle cycle = GoalCycles.on(handle, actor.orgId(), today(actor));
            GoalDao dao = handle.attach(GoalDao.class);
            if (goal.parentId() != null) {
                Optional<Goal> parent = dao.find(actor.orgId(), goal.parentId())
                        .filter(found -> dao.readable(found.id(), actor.personId()));
                if (parent.isEmpty()) {
                    return new Added(null, "That goal isn't one you can see any more.", GoalForms.PARENT);
                }
                if (parent.get().children() >= MOST_KEY_RESULTS) {
                    return new Added(
                            null,
                            "\"" + parent.get().title() + "\" has " + MOST_KEY_RESULTS
                                    + " key results already, the most a goal has.",
                            GoalForms.PARENT);
                }
            }
            if (goal.company() && !mayAddCompanyGoals(handle, actor)) {
                return new Added(null, "Only HR admins add company goals here.", GoalForms.COMPANY);
            }
            Optional<Long> id = dao.insert(
                    actor.orgId(),
                    cycle.id(),
                    goal.parentId(),
                    goal.title(),
                    goal.description(),
                    goal.measure(),
                    goal.measure() == GoalMeasure.DONE ? BigDecimal.ZERO : goal.from(),
                    goal.measure() == GoalMeasure.DONE ? BigDecimal.ONE : goal.to(),
                    goal.measure() == GoalMeasure.NUMBER ? goal.unit() : null,
                    goal.visibility(),
                    goal.due(),
                    actor.personId(),
                    sourceKey,
                    clock.instant(),
                    goal.company());
            if (id.isEmpty()) {
                return new Added(null, "That goal was added already.", null);
            }
            dao.addOwners(actor.orgId(), id.get(), owners);
            // key results typed in the same form: measured goals of the same owners, cycle and visibility
            for (int i = 0; i < goal.keyResults().size(); i++) {
                GoalLine.Added result = goal.keyResults().get(i);
                Optional<Long> child = dao.insert(
                        actor.orgId(),
                        cycle.id(),
                        id.get(),
                        result.title(),
                        null,
                        result.measure(),
                        result.from(),
                        result.to(),
                        result.unit(),
                        goal.visibility(),
                        result.due() != null ? result.due() : goal.due(),
                        actor.personId(),
                        sourceKey == null ? null : sourceKey + ":kr" + (i + 1),
                        clock.instant(),
                        false);
                child.ifPresent(childId -> dao.addOwners(actor.orgId(), childId, owners));
            }
            return new Added(dao.find(actor.orgId(), id.get()).orElseThrow(), null, null);
        });
    }

    static boolean mayAddCompanyGoals(org.jdbi.v3.core.Handle handle, Actor actor) {
        return actor.isHrAdmin()
                || handle.attach(GoalSettingsDao.class).get(actor.orgId()).companyByAnyone();
    }

    boolean mayAddCompanyGoals(Actor actor) {
        return jdbi.withHandle(handle -> mayAddCompanyGoals(handle, actor));
    }

    int staleDays(Actor actor) {
        return jdbi.withExtension(GoalSettingsDao.class, dao -> dao.get(actor.orgId()))
                .staleDays();
    }

    /** A cycle's company goals that the person may see, the first {@code most}. */
    List<Goal> company(Actor viewer, int most) {
        long cycle = cycle(viewer).id();
        return jdbi.withExtension(
                GoalDao.class, dao -> dao.listCompany(viewer.orgId(), cycle, viewer.personId(), most));
    }

    /** The goals contributing to any of these that the person may see, in one statement. */
    List<Goal> childrenOf(Actor viewer, List<Goal> parents) {
        long[] ids = parents.stream().mapToLong(Goal::id).toArray();
        return ids.length == 0
                ? List.of()
                : jdbi.withExtension(GoalDao.class, dao -> dao.listChildrenOf(viewer.orgId(), ids, viewer.personId()));
    }

    /** Why a measure's start and target can't be used, or null. */
    static String rangeProblem(GoalMeasure measure, BigDecimal from, BigDecimal to) {
        if (measure != GoalMeasure.NUMBER) {
            return null;
        }
        if (from == null || to == null) {
            return "Say where you start and the target, e.g. from 0 to 120.";
        }
        if (from.abs().compareTo(LARGEST) > 0 || to.abs().compareTo(LARGEST) > 0) {
            return "Keep the numbers under a trillion.";
        }
        return from.compareTo(to) == 0 ? "The start and the target can't be the same number." : null;
    }

    /** A goal this person may see, by id as text (a button's value). */
    Optional<Goal> visible(Actor actor, String id) {
        long goalId;
        try {
            goalId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbi.withExtension(GoalDao.class, dao -> dao.find(actor.orgId(), goalId)
                .filter(goal -> dao.readable(goal.id(), actor.personId())));
    }

    static boolean mayUpdate(Actor actor, Goal goal) {
        return goal.ownedBy(actor.personId()) || goal.managedBy(actor.personId());
    }

    /** The result of an update: the goal after it, or why not. */
    record Updated(Goal before, Goal after, String problem, String field) {}

    /** Stores the new value and status (null: unchanged) with the comment, once per submission. */
    Updated update(Actor actor, Goal goal, BigDecimal value, GoalStatus status, String comment, String sourceKey) {
        return jdbi.inTransaction(
                handle -> update(handle, clock.instant(), actor, goal, value, status, comment, sourceKey));
    }

    /** {@link #update} inside the caller's transaction (a check-in's answer updating goals). */
    static Updated update(
            org.jdbi.v3.core.Handle handle,
            java.time.Instant now,
            Actor actor,
            Goal goal,
            BigDecimal value,
            GoalStatus status,
            String comment,
            String sourceKey) {
        if (!mayUpdate(actor, goal)) {
            return new Updated(
                    goal,
                    null,
                    "Only " + GoalMessages.owners(goal) + " or their manager can update \"" + goal.title() + "\".",
                    null);
        }
        BigDecimal next = value == null ? goal.currentValue() : value;
        String problem = valueProblem(goal, next);
        if (problem != null) {
            return new Updated(goal, null, problem, GoalForms.VALUE);
        }
        GoalStatus nextStatus = status != null ? status : statusAfter(goal, next);
        if (nextStatus == GoalStatus.DONE && value == null && goal.measure() != GoalMeasure.PERCENT) {
            next = goal.targetValue();
        } else if (nextStatus == GoalStatus.DONE && value == null) {
            next = BigDecimal.valueOf(100);
        }
        GoalDao dao = handle.attach(GoalDao.class);
        dao.lock(actor.orgId(), goal.id());
        Goal before = dao.find(actor.orgId(), goal.id()).orElseThrow();
        if (dao.insertUpdate(actor.orgId(), goal.id(), actor.personId(), next, nextStatus, comment, sourceKey, now)
                .isPresent()) {
            // a value given for an objective with key results sets its progress by hand from then on
            boolean byHand = value != null && before.children() > 0;
            dao.setProgress(actor.orgId(), goal.id(), next, nextStatus, byHand, now);
        }
        return new Updated(before, dao.find(actor.orgId(), goal.id()).orElseThrow(), null, null);
    }

    /** The status a new value leads to when none was said: done at the target, else as it was. */
    private static GoalStatus statusAfter(Goal goal, BigDecimal value) {
        Goal moved = withValue(goal, value);
        if (moved.progress() >= 100) {
            return GoalStatus.DONE;
        }
        return goal.status() == GoalStatus.DONE ? GoalStatus.ON_TRACK : goal.status();
    }

    static String valueProblem(Goal goal, BigDecimal value) {
        return switch (goal.measure()) {
            case PERCENT ->
                value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
                        ? "A percentage goes from 0 to 100."
                        : null;
            case DONE ->
                value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0
                        ? "This goal is done or not done: say done, or pick Done in the form."
                        : null;
            case NUMBER -> value.abs().compareTo(LARGEST) > 0 ? "Keep the number under a trillion." : null;
        };
    }

    /** A typed value in the goal's terms: "60%" of the way from start to target for a number goal. */
    static BigDecimal valueOf(Goal goal, BigDecimal typed, boolean percent) {
        if (!percent || goal.measure() != GoalMeasure.NUMBER) {
            return typed;
        }
        return goal.startValue()
                .add(goal.targetValue()
                        .subtract(goal.startValue())
                        .multiply(typed)
                        .divide(BigDecimal.valueOf(100)));
    }

    static Goal withValue(Goal goal, BigDecimal value) {
        return new Goal(
                goal.id(),
                goal.orgId(),
                goal.cycleId(),
                goal.cycleName(),
                goal.parentId(),
                goal.title(),
                goal.description(),
                goal.measure(),
                goal.startValue(),
                goal.targetValue(),
                goal.unit(),
                value,
                goal.status(),
                goal.visibility(),
                goal.dueOn(),
                goal.createdBy(),
                goal.createdAt(),
                goal.updatedAt(),
                goal.ownerIds(),
                goal.ownerManagerIds(),
                goal.ownerNames(),
                goal.company(),
                true,
                goal.children(),
                goal.childrenProgress());
    }

    /**
     * Makes a goal the person may update contribute to another they may see (a company goal, theirs or their
     * manager's), or to none; never to itself or one of its own key results, nor to a goal with five already.
     *
     * @return what happened, or why not, as the person reads it
     */
    String move(Actor actor, Goal goal, Goal parent) {
        return jdbi.inTransaction(handle -> {
            GoalDao dao = handle.attach(GoalDao.class);
            dao.lock(actor.orgId(), goal.id());
            if (parent == null) {
                dao.setParent(actor.orgId(), goal.id(), null);
                return "🎯 \"" + goal.title() + "\" contributes to no other goal now.";
            }
            dao.lock(actor.orgId(), parent.id());
            for (Optional<Goal> up = Optional.of(parent);
                    up.isPresent();
                    up = up.get().parentId() == null
                            ? Optional.empty()
                            : dao.find(actor.orgId(), up.get().parentId())) {
                if (up.get().id() == goal.id()) {
                    return "\"" + parent.title() + "\" contributes to \"" + goal.title() + "\" itself, so \""
                            + goal.title() + "\" can't contribute to it.";
                }
            }
            Goal now = dao.find(actor.orgId(), parent.id()).orElseThrow();
            if (now.children() >= MOST_KEY_RESULTS && !Long.valueOf(parent.id()).equals(goal.parentId())) {
                return "\"" + parent.title() + "\" has " + MOST_KEY_RESULTS + " key results already, the most a goal"
                        + " has.";
            }
            dao.setParent(actor.orgId(), goal.id(), parent.id());
            return "🎯 \"" + goal.title() + "\" now contributes to \"" + parent.title() + "\" as a key result.";
        });
    }

    /** The goals of this cycle the person may update whose titles hold every word. */
    List<Goal> matching(Actor actor, List<String> words) {
        long cycle = cycle(actor).id();
        return jdbi
                .withExtension(GoalDao.class, dao -> dao.listUpdatableBy(actor.orgId(), cycle, actor.personId()))
                .stream()
                .filter(goal -> words.stream()
                        .allMatch(
                                word -> goal.title().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))))
                .toList();
    }

    List<Goal> ownedBy(Actor viewer, long ownerId) {
        long cycle = cycle(viewer).id();
        return jdbi.withExtension(
                GoalDao.class, dao -> dao.listOwnedBy(viewer.orgId(), cycle, ownerId, viewer.personId()));
    }

    /** What a new goal may contribute to: the company's goals, the person's and their manager's they can see. */
    List<Goal> parents(Actor actor) {
        Optional<Long> manager = jdbi.withExtension(
                        PersonLookupDao.class, dao -> dao.findById(actor.orgId(), actor.personId()))
                .map(Person::managerId);
        List<Goal> parents = new ArrayList<>(company(actor, 50));
        parents.addAll(ownedBy(actor, actor.personId()));
        manager.ifPresent(id -> parents.addAll(ownedBy(actor, id)));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return parents.stream().filter(goal -> seen.add(goal.id())).limit(50).toList();
    }

    List<Goal> ofReports(Actor manager) {
        long cycle = cycle(manager).id();
        return jdbi.withExtension(GoalDao.class, dao -> dao.listOfReports(manager.orgId(), cycle, manager.personId()));
    }

    List<GoalUpdate> history(Actor actor, Goal goal, int most) {
        return jdbi.withExtension(GoalDao.class, dao -> dao.listUpdates(actor.orgId(), goal.id(), most));
    }

    Person person(Actor actor, Mention mention) throws ProfileSource.NoSuchUser {
        return directory.personFor(actor, mention);
    }

    Clock clock() {
        return clock;
    }
}
