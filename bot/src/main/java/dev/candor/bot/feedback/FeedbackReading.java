package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackCount;
import dev.candor.storage.feedback.FeedbackDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /feedback me} (the latest feedback a person received and gave, by person and period) and
 * {@code /feedback team} (a manager's reports: counts for everyone, texts only where the visibility names the
 * manager). What the DAO returns is already only what the reader may read.
 */
final class FeedbackReading {
    static final int SHOWN = 10;
    static final Duration TEAM_PERIOD = Duration.ofDays(90);
    private static final Map<String, Duration> PERIODS = Map.of(
            "week", Duration.ofDays(7),
            "month", Duration.ofDays(30),
            "quarter", Duration.ofDays(91),
            "year", Duration.ofDays(365));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;

    FeedbackReading(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
    }

    Message me(Command command) {
        Actor actor = command.actor();
        Long other = null;
        String otherName = null;
        if (!command.mentions().isEmpty()) {
            Mention mention = command.mentions().get(0);
            try {
                dev.candor.storage.people.Person person = directory.personFor(actor, mention);
                other = person.id();
                otherName = person.name();
            } catch (ProfileSource.NoSuchUser unknown) {
                return FeedbackMessages.unknown(actor.platform(), mention.displayName());
            }
        }
        String period = period(command.text());
        Instant since = period == null ? Instant.EPOCH : clock.instant().minus(PERIODS.get(period));
        Long person = other;
        List<Feedback> received = jdbi.withExtension(
                FeedbackDao.class, dao -> dao.listReceived(actor.orgId(), actor.personId(), person, since, SHOWN));
        List<Feedback> given = jdbi.withExtension(
                FeedbackDao.class, dao -> dao.listGiven(actor.orgId(), actor.personId(), person, since, SHOWN));
        String scope = (otherName == null ? "" : " · with " + otherName) + (period == null ? "" : " · last " + period);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your feedback"));
        if (!scope.isEmpty()) {
            blocks.add(new Block.Context(Text.of(scope.substring(3))));
        }
        blocks.add(new Block.Section(Text.builder().strong("Received").build()));
        blocks.addAll(items(received, actor, true));
        blocks.add(new Block.Section(Text.builder().strong("Given").build()));
        blocks.addAll(items(given, actor, false));
        blocks.add(new Block.Context(Text.of("The latest " + SHOWN + " of each. "
                + FeedbackMessages.feedback(actor.platform()) + " me @name month narrows it.")));
        return new Message("Your feedback: " + received.size() + " received, " + given.size() + " given", blocks);
    }

    Message team(Actor actor) {
        Instant since = clock.instant().minus(TEAM_PERIOD);
        List<FeedbackCount> counts =
                jdbi.withExtension(FeedbackDao.class, dao -> dao.countTeam(actor.orgId(), actor.personId(), since));
        if (counts.isEmpty()) {
            return Message.of("You have no reports in Candor's directory, so there is no team to show. HR sets"
                    + " managers with the people import.");
        }
        List<Feedback> forYou = jdbi.withExtension(
                FeedbackDao.class, dao -> dao.listForManager(actor.orgId(), actor.personId(), since, SHOWN));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your team's feedback, last 90 days"));
        Text.Builder table = Text.builder();
        for (FeedbackCount count : counts) {
            table.strong(count.name())
                    .plain(": received " + count.received() + ", gave " + count.given())
                    .lineBreak();
        }
        blocks.add(new Block.Section(table.build()));
        blocks.add(new Block.Section(
                Text.builder().strong("Meant for you as their manager").build()));
        blocks.addAll(items(forYou, actor, null));
        blocks.add(new Block.Context(
                Text.of("Counts include private feedback; its words stay with the people it" + " names.")));
        return new Message("Your team's feedback: " + counts.size() + " people", blocks);
    }

    /** Each piece as a quote under who, when and who reads it; {@code received} null for a manager's view. */
    static List<Block> items(List<Feedback> feedback, Actor actor, Boolean received) {
        if (feedback.isEmpty()) {
            return List.of(new Block.Context(Text.of("Nothing yet.")));
        }
        List<Block> blocks = new ArrayList<>();
        for (Feedback item : feedback) {
            String day = DAY.format(LocalDate.ofInstant(item.createdAt(), actor.zone()));
            String who = received == null
                    ? item.giverName() + " → " + item.recipientName()
                    : received ? "From " + item.giverName() : "To " + item.recipientName();
            blocks.add(new Block.Context(
                    Text.of(who + " · " + day + " · " + FeedbackMessages.visibilityLabel(item.visibility()))));
            blocks.add(new Block.Quote(Text.of(FeedbackMessages.abbreviated(item.body(), 300))));
        }
        return blocks;
    }

    /** The period word in the command, if any. */
    private static String period(String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (PERIODS.containsKey(word)) {
                return word;
            }
        }
        return null;
    }
}
