package dev.candor.bot.kudos.stats;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.HomeSection;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.kudos.ValueMatcher;
import dev.candor.storage.kudos.CompanyValueDao;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /kudos leaderboard [week|month|quarter|year|all] [#value]}, {@code /kudos me} and recognition's section of
 * the home (the first one).
 *
 * <p>Both commands answer privately. They are lookups: a leaderboard posted into a channel every time someone
 * checks it would crowd the channel and turn recognition into a contest nobody asked to watch; the weekly digest
 * is where the standings go public. Teams has no ephemeral messages; its adapter decides where a private reply goes.
 */
public final class KudosStatsHandler implements CommandHandler, HomeSection {
    private final Jdbi jdbi;
    private final Leaderboards leaderboards;
    private final PersonalStats personal;

    public KudosStatsHandler(Jdbi jdbi, Leaderboards leaderboards, PersonalStats personal) {
        this.jdbi = jdbi;
        this.leaderboards = leaderboards;
        this.personal = personal;
    }

    /** Handles the {@code leaderboard} and {@code me} words of {@code /kudos}. */
    @Override
    public Reply handle(Command command) {
        if (command.verb().equals("me")) {
            return Reply.privately(PersonalMessages.me(personal.load(command.actor())));
        }
        return leaderboard(
                command.actor(), command.text().substring(command.verb().length()));
    }

    @Override
    public List<Block> blocks(Actor actor) {
        return PersonalMessages.home(personal.load(actor)).blocks();
    }

    private Reply leaderboard(Actor actor, String arguments) {
        LeaderboardRequest request = LeaderboardRequest.parse(arguments);
        if (request.problem() != null) {
            return Reply.privately(LeaderboardMessages.notUnderstood(actor.platform(), request.problem()));
        }
        String tag = request.tag();
        if (tag != null) {
            ValueMatcher values =
                    new ValueMatcher(jdbi.onDemand(CompanyValueDao.class).list(actor.orgId()));
            ValueMatcher.Result match = values.match(List.of(tag));
            if (!match.unknown().isEmpty()) {
                return Reply.privately(LeaderboardMessages.unknownValue(
                        tag, match.unknown().get(0).suggestion(), values.tags()));
            }
            tag = match.matched().get(0);
        }
        Leaderboards.Leaderboard board = leaderboards.load(actor.orgId(), request.period(), tag);
        return Reply.privately(LeaderboardMessages.leaderboard(board, actor.platform()));
    }
}
