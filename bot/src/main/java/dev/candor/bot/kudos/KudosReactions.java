package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.Kudos;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.kudos.Via;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PlatformIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Reaction kudos. In Slack the organisation's emoji (👏 by default) on someone's message gives its author a kudos
 * linking to it. On both platforms a reaction to one of Candor's recognition posts is a +1: the reactor joins the
 * kudos for the same people. One per giver per message; removing the reaction within ten minutes takes it back.
 */
public final class KudosReactions implements Handlers.ReactionHandler {
    /** Teams only tells bots about these reactions, and only on the bot's own messages. */
    private static final Set<String> TEAMS_PLUS_ONE = Set.of("like", "heart");

    private final Jdbi jdbi;
    private final KudosService service;

    public KudosReactions(Jdbi jdbi, KudosService service) {
        this.jdbi = jdbi;
        this.service = service;
    }

    @Override
    public Reply handle(Reaction reaction) {
        if (!counts(reaction)) {
            return Reply.none();
        }
        if (!reaction.added()) {
            service.takeBack(reaction.actor(), reaction.messageId());
            return Reply.none();
        }
        Optional<Kudos> post =
                jdbi.onDemand(KudosDao.class).findByPost(reaction.actor().orgId(), reaction.messageId());
        GiveOutcome outcome = post.isPresent() ? plusOne(reaction, post.get()) : forAuthor(reaction);
        return outcome instanceof GiveOutcome.Refused refused ? Reply.privately(refused.reason()) : Reply.none();
    }

    private boolean counts(Reaction reaction) {
        String emoji = reaction.emoji() == null ? "" : reaction.emoji().replaceFirst("::skin-tone-\\d$", "");
        if (reaction.actor().platform() == Platform.TEAMS) {
            return TEAMS_PLUS_ONE.contains(emoji);
        }
        return emoji.equals(jdbi.onDemand(KudosSettingsDao.class)
                .get(reaction.actor().orgId())
                .reactionEmoji());
    }

    private GiveOutcome plusOne(Reaction reaction, Kudos parent) {
        Actor actor = reaction.actor();
        List<Mention> recipients = recipientsOf(actor, parent).stream()
                .filter(mention -> !mention.platformUserId().equals(actor.platformUserId()))
                .toList();
        if (recipients.isEmpty() || parent.giverId() == actor.personId()) {
            return new GiveOutcome.AlreadyGiven(parent);
        }
        return service.give(new GiveRequest(
                actor,
                reaction.where(),
                recipients,
                parent.message(),
                Via.PLUS_ONE,
                reaction.sourceKey(),
                reaction.messageId(),
                reaction.messageUrl(),
                parent.id(),
                null));
    }

    private GiveOutcome forAuthor(Reaction reaction) {
        Actor actor = reaction.actor();
        if (actor.platform() == Platform.TEAMS) {
            // Teams reports reactions to Candor's own messages only: one that is no recognition post thanks nobody.
            return new GiveOutcome.AlreadyGiven(null);
        }
        if (reaction.authorUserId() == null || reaction.authorUserId().equals(actor.platformUserId())) {
            return new GiveOutcome.AlreadyGiven(null);
        }
        Mention author = new Mention(reaction.authorUserId(), reaction.authorUserId());
        String message = "👏 for your message";
        return service.give(new GiveRequest(
                actor,
                reaction.where(),
                List.of(author),
                message,
                Via.REACTION,
                reaction.sourceKey(),
                reaction.messageId(),
                reaction.messageUrl(),
                null,
                null));
    }

    private List<Mention> recipientsOf(Actor actor, Kudos kudos) {
        PersonDao people = jdbi.onDemand(PersonDao.class);
        return jdbi.onDemand(KudosDao.class).listRecipientIds(actor.orgId(), kudos.id()).stream()
                .map(id -> people.findIdentity(actor.orgId(), id, actor.platform())
                        .map(identity -> new Mention(identity.platformUserId(), nameOf(people, actor, identity))))
                .flatMap(Optional::stream)
                .toList();
    }

    private static String nameOf(PersonDao people, Actor actor, PlatformIdentity identity) {
        return people.findById(actor.orgId(), identity.personId())
                .map(Person::name)
                .orElse(identity.platformUserId());
    }
}
