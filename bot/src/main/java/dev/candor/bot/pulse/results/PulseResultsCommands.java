package dev.candor.bot.pulse.results;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.server.FileLinks;
import dev.candor.bot.server.PublicFiles;
import dev.candor.storage.Platform;
import dev.candor.storage.pulse.results.PulseResultsDao;
import dev.candor.storage.pulse.results.SurveyRef;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /pulse results [survey]} and {@code /pulse export [survey]}, and the Export button under the results. HR
 * admins read every survey; a manager reads their own organisation's part (everyone under them at any depth) when
 * {@link AnonymityRules} allow it; everyone else is told who may. The {@code /pulse} router hands these words here.
 */
public final class PulseResultsCommands implements CommandHandler, Handlers.ActionHandler {
    public static final String FEATURE = "pulse-results";
    public static final String EXPORT = FEATURE + ".export";
    public static final String SHARE = FEATURE + ".share";
    static final String REFUSED = "Survey results are for HR admins, and for managers about their own organisation.";

    private final Jdbi jdbi;
    private final PublicFiles links;
    private final ResultsReader reader;
    private final ResultsMessages messages;

    public PulseResultsCommands(Jdbi jdbi, PublicFiles links) {
        this(jdbi, links, ReplyThreads.NONE);
    }

    /** With HR's replies to anonymous comments going through {@code threads}. */
    public PulseResultsCommands(Jdbi jdbi, PublicFiles links, ReplyThreads threads) {
        this.jdbi = jdbi;
        this.links = links;
        this.reader = new ResultsReader(jdbi, threads);
        this.messages = new ResultsMessages(links);
    }

    /**
     * The {@code /pulse} command with its results words ({@code results}, {@code export}) answered here, for managers
     * too, and every other word by {@code others} (the survey commands, which are HR's).
     */
    public CommandHandler before(CommandHandler others) {
        return command -> switch (command.verb()) {
            case "results", "export" -> handle(command);
            default -> others.handle(command);
        };
    }

    /** {@code results …} or {@code export …}; anything else gets the usage. */
    @Override
    public Reply handle(Command command) {
        return switch (command.verb()) {
            case "results" -> results(command);
            case "export" -> export(command);
            default -> Reply.privately(usage(command.actor().platform()));
        };
    }

    /**
     * The buttons under HR's results: Export (the same as {@code /pulse export}) and Share here (the summary posted
     * for everyone in the conversation where HR read it).
     */
    @Override
    public Reply handle(Action action) {
        Platform platform = action.actor().platform();
        if (!action.actionId().equals(EXPORT) && !action.actionId().equals(SHARE)) {
            return Reply.privately(usage(platform));
        }
        Optional<SurveyRef> survey = parseId(action.value())
                .flatMap(id -> jdbi.withExtension(
                        PulseResultsDao.class,
                        dao -> dao.findSurveyById(action.actor().orgId(), id)));
        if (survey.isEmpty()) {
            return Reply.privately("That survey is gone. " + pulse(platform) + " list shows the surveys there are.");
        }
        return action.actionId().equals(EXPORT)
                ? export(action.actor(), survey.get(), action.sourceKey())
                : share(action, survey.get());
    }

    /**
     * Posts the summary, through the outbox, in the conversation where the button was pressed: the same rules, no
     * comments (people's own words stay with HR), once per round and conversation.
     */
    private Reply share(Action action, SurveyRef survey) {
        Actor actor = action.actor();
        if (!actor.isHrAdmin()) {
            return Reply.privately("Sharing results is for HR admins.");
        }
        Optional<SurveyResults> results =
                reader.read(actor.orgId(), survey, Scope.wholeOrganisation()).filter(SurveyResults::shown);
        if (results.isEmpty()) {
            return Reply.privately("“" + survey.name() + "” has no results to share yet.");
        }
        Message summary = messages.results(actor.orgId(), results.get().withoutComments(), List.of());
        String conversation = action.where().conversationId();
        String key = "pulse-share:" + survey.id() + ":" + results.get().period() + ":" + conversation;
        boolean queued = jdbi.withHandle(
                handle -> Outbox.toConversation(handle, actor.orgId(), actor.platform(), conversation, key, summary));
        return Reply.privately(
                queued
                        ? "Sharing the summary of “" + survey.name() + "” here, without comments."
                        : "The summary of this round of “" + survey.name() + "” was already shared here.");
    }

    /** {@code /pulse results [survey]}: the latest survey without a name. */
    public Reply results(Command command) {
        Actor actor = command.actor();
        Optional<Scope> scope = scope(actor);
        if (scope.isEmpty()) {
            return Reply.privately(REFUSED);
        }
        return find(actor, argument(command))
                .map(survey -> reader.read(actor.orgId(), survey, scope.get())
                        .map(results ->
                                Reply.privately(messages.results(actor.orgId(), results, buttons(actor, results))))
                        .orElseGet(() -> Reply.privately(
                                "“" + survey.name() + "” has not been sent yet: results show after its first round.")))
                .orElseGet(() -> notFound(actor.platform(), argument(command)));
    }

    /** {@code /pulse export [survey]}: HR gets a DM with a link to the aggregated results as CSV. */
    public Reply export(Command command) {
        Actor actor = command.actor();
        if (!actor.isHrAdmin()) {
            return Reply.privately("Exports are for HR admins.");
        }
        return find(actor, argument(command))
                .map(survey -> export(actor, survey, command.sourceKey()))
                .orElseGet(() -> notFound(actor.platform(), argument(command)));
    }

    private Reply export(Actor actor, SurveyRef survey, String sourceKey) {
        if (!actor.isHrAdmin()) {
            return Reply.privately("Exports are for HR admins.");
        }
        if (!links.enabled()) {
            return Reply.privately("Exports are downloads from Candor itself: set PUBLIC_URL to the address where"
                    + " Candor is reachable, then try again.");
        }
        Optional<SurveyResults> results = reader.read(actor.orgId(), survey, Scope.wholeOrganisation());
        if (results.isEmpty()) {
            return Reply.privately("“" + survey.name() + "” has not been sent yet: there is nothing to export.");
        }
        String url = links.publish(
                        actor.orgId(),
                        "text/csv",
                        "pulse-" + survey.id() + "-results.csv",
                        ResultsCsv.write(results.get()))
                .orElseThrow();
        Message dm = new Message(
                "Your export of " + survey.name(),
                List.of(new Block.Section(Text.builder()
                        .plain("The results of “" + survey.name() + "”, round "
                                + results.get().period() + ", as CSV: ")
                        .link(url, "download")
                        .plain(". The link works for " + FileLinks.LIFETIME.toDays() + " days; it holds counts and"
                                + " averages only, never one row per person.")
                        .build())));
        jdbi.useHandle(handle -> Outbox.toUser(
                handle, actor.orgId(), actor.platform(), actor.platformUserId(), "pulse-export:" + sourceKey, dm));
        return Reply.privately("I'm sending you a direct message with the download link for “" + survey.name() + "”.");
    }

    /** HR: everything; a manager: their organisation; anyone else: nothing. */
    private Optional<Scope> scope(Actor actor) {
        if (actor.isHrAdmin()) {
            return Optional.of(Scope.wholeOrganisation());
        }
        List<String> organisation =
                jdbi.withExtension(PulseResultsDao.class, dao -> dao.listOrganisation(actor.orgId(), actor.personId()));
        return organisation.size() > 1 ? Optional.of(Scope.organisation(organisation)) : Optional.empty();
    }

    private List<Block.Button> buttons(Actor actor, SurveyResults results) {
        if (!actor.isHrAdmin() || !results.shown()) {
            return List.of();
        }
        String survey = Long.toString(results.survey().id());
        return List.of(
                new Block.Button(SHARE, "Share here", survey, Block.ButtonStyle.DEFAULT),
                new Block.Button(EXPORT, "Export CSV", survey, Block.ButtonStyle.DEFAULT));
    }

    private Optional<SurveyRef> find(Actor actor, String name) {
        return jdbi.withExtension(
                PulseResultsDao.class,
                dao -> name.isEmpty() ? dao.findLatestSurvey(actor.orgId()) : dao.findSurvey(actor.orgId(), name));
    }

    /** The words after the verb, without quotes: the survey's name. */
    private static String argument(Command command) {
        String text = command.text();
        int space = text.indexOf(' ');
        return space < 0 ? "" : text.substring(space + 1).strip().replaceAll("^[\"“”']+|[\"“”']+$", "");
    }

    private static Reply notFound(Platform platform, String name) {
        String pulse = pulse(platform);
        return Reply.privately(
                name.isEmpty()
                        ? "There is no survey with results yet. HR starts one with " + pulse + "."
                        : "There is no survey called “" + name + "”. Type " + pulse + " list to see the surveys, then "
                                + pulse + " results followed by one of their names.");
    }

    private static String usage(Platform platform) {
        String pulse = pulse(platform);
        return "Type " + pulse + " results [survey name] to see a survey's results (the latest without a name), or "
                + pulse + " export [survey name] to get them as CSV in a direct message.";
    }

    /** "/pulse" in Slack, "@Candor pulse" in Teams. */
    private static String pulse(Platform platform) {
        return Syntax.command(platform, "pulse");
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
