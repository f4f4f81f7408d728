package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.audit.AuditDao;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalCycleDao;
import dev.candor.storage.goal.GoalSettings;
import dev.candor.storage.goal.GoalSettingsDao;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor admin goals} (HR admins; the admin handler checks the role): the cycles (quarters unless HR adds
 * others: {@code … cycle H1 2027 2027-01-01 2027-06-30}), who adds company goals ({@code … company-goals hr|everyone})
 * and when a goal is stale ({@code … stale-days 14}). Every change is audited and its answer says how to undo it.
 */
public final class GoalAdmin implements CommandHandler {
    private static final Pattern CYCLE =
            Pattern.compile("(?i)^.*?\\bcycle\\s+(.{1,80}?)\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{4}-\\d{2}-\\d{2})\\s*$");

    private final Jdbi jdbi;
    private final Clock clock;
    private final GoalAskNow askNow;

    public GoalAdmin(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.askNow = new GoalAskNow(jdbi, clock);
    }

    @Override
    public Reply handle(Command command) {
        String[] words = command.text().toLowerCase(Locale.ROOT).strip().split("\\s+");
        Platform platform = command.actor().platform();
        if (words.length < 3) {
            return Reply.privately(overview(command));
        }
        return switch (words[2]) {
            case "stale-days" -> staleDays(command, words);
            case "company-goals" -> companyGoals(command, words);
            case "cycle" -> cycle(command);
            case "close" -> close(command);
            case "remind" -> Reply.privately(askNow.everyone(command.actor()));
            default -> Reply.privately(usage(platform));
        };
    }

    private Reply staleDays(Command command, String[] words) {
        int days;
        try {
            days = words.length == 4 ? Integer.parseInt(words[3]) : -1;
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > 90) {
            return Reply.privately("Say how many days without an update make a goal stale, from 1 to 90, e.g. "
                    + admin(command.actor().platform()) + " stale-days 14.");
        }
        int chosen = days;
        return change(
                command,
                "stale-days",
                was -> Integer.toString(was.staleDays()),
                was -> new GoalSettings(was.companyByAnyone(), chosen));
    }

    private Reply companyGoals(Command command, String[] words) {
        if (words.length != 4 || !(words[3].equals("hr") || words[3].equals("everyone"))) {
            return Reply.privately(usage(command.actor().platform()));
        }
        boolean anyone = words[3].equals("everyone");
        return change(
                command,
                "company-goals",
                was -> was.companyByAnyone() ? "everyone" : "hr",
                was -> new GoalSettings(anyone, was.staleDays()));
    }

    private Reply change(
            Command command,
            String which,
            java.util.function.Function<GoalSettings, String> value,
            java.util.function.UnaryOperator<GoalSettings> update) {
        long orgId = command.actor().orgId();
        String[] change = jdbi.inTransaction(handle -> {
            GoalSettingsDao settings = handle.attach(GoalSettingsDao.class);
            settings.lock(orgId);
            GoalSettings was = settings.get(orgId);
            GoalSettings now = update.apply(was);
            settings.set(orgId, now.companyByAnyone(), now.staleDays());
            handle.attach(AuditDao.class)
                    .insert(orgId, command.actor().personId(), "goals " + which, value.apply(was), value.apply(now));
            return new String[] {value.apply(was), value.apply(now)};
        });
        String said = ": " + change[0] + " → " + change[1] + ". Undo: "
                + admin(command.actor().platform()) + " " + which + " " + change[0];
        return Reply.privately(new Message(
                label(which) + said,
                List.of(new Block.Section(
                        Text.builder().strong(label(which)).plain(said).build()))));
    }

    private Reply cycle(Command command) {
        Matcher matcher = CYCLE.matcher(command.text().strip());
        Platform platform = command.actor().platform();
        if (!matcher.matches()) {
            return Reply.privately("Say the cycle's name, first day and last day, e.g. " + admin(platform)
                    + " cycle H1 2027 2027-01-01 2027-06-30.");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(matcher.group(2));
            end = LocalDate.parse(matcher.group(3));
        } catch (DateTimeException e) {
            return Reply.privately("Write the days as year-month-day, e.g. 2027-01-01.");
        }
        if (end.isBefore(start) || end.isAfter(start.plusYears(2))) {
            return Reply.privately("A cycle ends after it starts, and within two years.");
        }
        String name = matcher.group(1).strip();
        long orgId = command.actor().orgId();
        boolean added = jdbi.inTransaction(handle -> {
            if (!handle.attach(GoalCycleDao.class).insert(orgId, name, start, end)) {
                return false;
            }
            handle.attach(AuditDao.class)
                    .insert(orgId, command.actor().personId(), "goals cycle", null, name + " " + start + "–" + end);
            return true;
        });
        return Reply.privately(
                added
                        ? "📅 Added the goal cycle " + name + ", " + start + " to " + end
                                + ". From its first day, new goals" + " belong to it and "
                                + GoalMessages.goals(platform) + " shows it."
                        : "A cycle starts on " + start + " already: pick another first day.");
    }

    /** Closes a cycle and asks each owner of its goals, in one DM, for a final score and a retrospective of each. */
    private Reply close(Command command) {
        Platform platform = command.actor().platform();
        String name = command.text()
                .strip()
                .replaceFirst("(?i)^admin\\s+goals\\s+close\\s*", "")
                .strip();
        long orgId = command.actor().orgId();
        if (name.isEmpty()) {
            return Reply.privately("Say which cycle to close, e.g. " + admin(platform) + " close Q4 2026.");
        }
        java.util.Optional<GoalCycle> cycle =
                jdbi.withExtension(GoalCycleDao.class, dao -> dao.findByName(orgId, name));
        if (cycle.isEmpty()) {
            return Reply.privately("There is no goal cycle called " + name + ": " + admin(platform) + " lists them.");
        }
        int asked = jdbi.inTransaction(handle -> {
            if (!handle.attach(GoalCycleDao.class).close(orgId, cycle.get().id(), clock.instant())) {
                return -1;
            }
            handle.attach(AuditDao.class)
                    .insert(
                            orgId,
                            command.actor().personId(),
                            "goals close",
                            cycle.get().name(),
                            "closed");
            return GoalClosing.askForScores(handle, orgId, cycle.get());
        });
        if (asked < 0) {
            return Reply.privately(cycle.get().name() + " was closed already.");
        }
        return Reply.privately("🏁 Closed " + cycle.get().name() + ": its reminders stop, and " + asked
                + (asked == 1 ? " owner was" : " owners were") + " asked for a final score and a one-line"
                + " retrospective of each goal.");
    }

    private Message overview(Command command) {
        long orgId = command.actor().orgId();
        Platform platform = command.actor().platform();
        LocalDate today = LocalDate.ofInstant(clock.instant(), command.actor().zone());
        GoalSettings settings = jdbi.withExtension(GoalSettingsDao.class, dao -> dao.get(orgId));
        List<GoalCycle> cycles = jdbi.withHandle(handle -> {
            GoalCycles.on(handle, orgId, today);
            return handle.attach(GoalCycleDao.class).listFrom(orgId, today);
        });
        Text.Builder text = Text.builder();
        text.strong("Cycles").plain(": ");
        for (GoalCycle cycle : cycles) {
            text.plain(cycle.name() + " (" + cycle.startsOn() + " to " + cycle.endsOn() + ")  ");
        }
        text.lineBreak()
                .strong("Company goals")
                .plain(": added by " + (settings.companyByAnyone() ? "everyone" : "HR admins"))
                .lineBreak()
                .strong("Stale")
                .plain(": after " + settings.staleDays() + " days without an update");
        return new Message(
                "Goal settings",
                List.of(
                        new Block.Header("Goals"),
                        new Block.Section(text.build()),
                        new Block.Context(Text.of(usage(platform).replaceFirst("^Say ", "Change them with ")))));
    }

    private static String label(String which) {
        return switch (which) {
            case "stale-days" -> "Stale after (days)";
            case "company-goals" -> "Company goals added by";
            default -> which;
        };
    }

    private static String admin(Platform platform) {
        // in Teams, "@Candor admin …" (the bot's name is the command)
        return (platform == Platform.SLACK ? "/candor admin" : "@Candor admin") + " goals";
    }

    private static String usage(Platform platform) {
        String admin = admin(platform);
        return "Say " + admin + " cycle NAME FIRST-DAY LAST-DAY, " + admin + " close NAME, " + admin
                + " company-goals hr|everyone, " + admin + " stale-days DAYS, or " + admin
                + " remind (asks everyone with stale goals now).";
    }
}
