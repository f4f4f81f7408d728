package dev.candor.bot.checkin;

import dev.candor.bot.admin.AdminFixture;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A manager with reports, a peer and another manager, through Candor's production router on a real database. */
final class CheckinFixture implements AutoCloseable {
    private static final AtomicInteger sources = new AtomicInteger();
    final AdminFixture base;
    final Platform platform;
    final Actor maya;
    final Actor ana;
    final Actor li;
    final Actor omar;
    final Actor hana;

    CheckinFixture(Platform platform) {
        this(platform, java.time.Clock.systemUTC());
    }

    /** With the time the router's handlers see set by the test, e.g. a {@link MutableClock}. */
    CheckinFixture(Platform platform, java.time.Clock clock) {
        this.base = new AdminFixture(clock);
        this.platform = platform;
        boolean slack = platform == Platform.SLACK;
        maya = base.person(platform, slack ? "U0MAYA" : "29:maya", "Maya", "Europe/Berlin", Role.EMPLOYEE);
        ana = base.person(platform, slack ? "U0ANA" : "29:ana", "Ana", "America/New_York", Role.EMPLOYEE);
        li = base.person(platform, slack ? "U0LI" : "29:li", "Li", "Asia/Shanghai", Role.EMPLOYEE);
        omar = base.person(platform, slack ? "U0OMAR" : "29:omar", "Omar", "Europe/London", Role.MANAGER);
        hana = base.person(platform, slack ? "U0HANA" : "29:hana", "Hana", "Europe/Berlin", Role.HR_ADMIN);
        base.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE people SET manager_id = ? WHERE id IN (?, ?)",
                        maya.personId(),
                        ana.personId(),
                        li.personId()));
    }

    ConversationRef channel() {
        return platform == Platform.SLACK ? AdminFixture.SLACK_GENERAL : AdminFixture.TEAMS_THREAD;
    }

    Reply checkin(Actor actor, String text) {
        return base.route(actor, channel(), "checkin", text, List.of());
    }

    Reply press(Actor actor, String actionId, String value) {
        return base.router()
                .route(new Action(actor, channel(), actionId, value, null, "test:" + sources.incrementAndGet()));
    }

    /** Submits a form with its initial values, changed where {@code changes} says. */
    Reply submit(Actor actor, Form form, Map<String, List<String>> changes) {
        Map<String, List<String>> values = new HashMap<>();
        for (Form.Input input : form.inputs()) {
            values.put(input.id(), initial(input));
        }
        values.putAll(changes);
        return base.router()
                .route(new FormSubmission(
                        actor, channel(), form.formId(), values, form.context(), "test:" + sources.incrementAndGet()));
    }

    private static List<String> initial(Form.Input input) {
        if (input instanceof Form.TextInput text) {
            return text.initial() == null ? List.of() : List.of(text.initial());
        } else if (input instanceof Form.ChoiceInput choice) {
            return choice.initial();
        } else if (input instanceof Form.TimeInput time) {
            return List.of(time.initial());
        } else if (input instanceof Form.NumberInput number) {
            return List.of(number.initial());
        } else if (input instanceof Form.PeopleInput people) {
            return people.initial().stream()
                    .map(mention -> mention.platformUserId())
                    .toList();
        }
        return List.of();
    }

    /** A manager's first check-in, saved with every default. */
    long setUpDefault(Actor manager) {
        Form form = ((Reply.OpenForm) checkin(manager, "setup")).form();
        Reply saved = submit(manager, form, Map.of());
        if (!(saved instanceof Reply.Private)) {
            throw new AssertionError("expected the setup to be saved, got " + saved);
        }
        return base.jdbi().withHandle(handle -> handle.select(
                        "SELECT max(id) FROM checkins WHERE owner_id = ?", manager.personId())
                .mapTo(Long.class)
                .one());
    }

    int count(String sql, Object... arguments) {
        return base.jdbi().withHandle(handle -> {
            var query = handle.select(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    static String text(Reply reply) {
        return AdminFixture.privately(reply).fallbackText();
    }

    @Override
    public void close() {
        base.close();
    }
}
