package dev.candor.bot.kudos;

import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import java.util.Set;

/**
 * {@code /kudos @ana @li thanks for the demo #ownership} gives kudos; {@code /kudos} alone opens the form.
 * The giver hears privately that it worked and what is left of their allowance; everyone else sees the post.
 */
public final class KudosHandler implements CommandHandler {
    /** Words that look something up instead of giving kudos: {@code /kudos leaderboard}, {@code /kudos me}. */
    private static final Set<String> LOOKUPS = Set.of("leaderboard", "me");

    private final KudosService service;
    private final KudosForms forms;
    private final CommandHandler lookups;

    public KudosHandler(KudosService service, KudosForms forms) {
        this(service, forms, null);
    }

    /** @param lookups answers {@code leaderboard} and {@code me}, or null when they aren't offered */
    public KudosHandler(KudosService service, KudosForms forms, CommandHandler lookups) {
        this.service = service;
        this.forms = forms;
        this.lookups = lookups;
    }

    @Override
    public Reply handle(Command command) {
        String verb = command.verb();
        if (command.text().isEmpty()) {
            return Reply.form(forms.give(command.actor(), null, null));
        }
        if (lookups != null && LOOKUPS.contains(verb) && command.mentions().isEmpty()) {
            return lookups.handle(command);
        }
        if (verb.equals("help") && command.mentions().isEmpty()) {
            return Reply.privately(KudosMessages.usage(command.actor().platform()));
        }
        KudosRequest request = KudosRequest.parse(command.text(), command.mentions());
        GiveOutcome outcome = service.give(GiveRequest.command(
                command.actor(),
                command.where(),
                request.recipients(),
                request.message(),
                command.sourceKey(),
                command.replyUrl()));
        return reply(outcome, request.recipients(), command.where().conversationId());
    }

    static Reply reply(GiveOutcome outcome, java.util.List<Mention> recipients, String conversationId) {
        if (outcome instanceof GiveOutcome.Given given) {
            return Reply.privately(KudosMessages.confirmation(
                    recipients, given.allowance(), given.postedTo(), conversationId.equals(given.postedTo())));
        } else if (outcome instanceof GiveOutcome.AlreadyGiven) {
            return Reply.privately(Message.of("✅ That kudos was already given — nothing was sent twice."));
        }
        return Reply.privately(((GiveOutcome.Refused) outcome).reason());
    }
}
