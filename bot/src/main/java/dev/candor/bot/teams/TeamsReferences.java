package dev.candor.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.conversation.StoredConversation;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The Bot Framework conversation references Candor keeps, one per Teams conversation: without one the bot cannot
 * speak first. A 1:1 chat's reference is also found by the person it is with.
 */
final class TeamsReferences {
    private final Jdbi jdbi;

    TeamsReferences(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Keeps the reference of the conversation an activity came from. Only what proactive sends need is kept, so the
     * row changes (and is written) only when the conversation does, not with every message.
     */
    void remember(Activity activity, Actor actor, ConversationRef where) {
        ConversationReference reference = activity.getConversationReference();
        // A proactive message is not a reply to whatever was said last.
        reference.setActivityId(null);
        boolean direct = where.kind() == ConversationKind.DM;
        if (!direct) {
            // Who spoke last in a channel or group chat is irrelevant for posting there.
            reference.setUser(null);
        }
        store(actor.orgId(), where.conversationId(), where.kind(), direct ? actor.personId() : null, reference);
        if (where.kind() == ConversationKind.CHANNEL && where.threadId() != null) {
            rememberChannel(actor.orgId(), where, reference);
        }
    }

    /**
     * A channel message arrives in a thread ({@code 19:…@thread.tacv2;messageid=…}). Posting to the channel's own id
     * starts a new post at its top level, which is where the kudos channel and the digest go; keep a reference for
     * that id as well.
     */
    private void rememberChannel(long orgId, ConversationRef where, ConversationReference threadReference) {
        String channelId = channelId(where);
        if (channelId.equals(where.conversationId())) {
            return;
        }
        ConversationReference channel =
                TeamsJson.reference(TeamsJson.write(threadReference)).orElseThrow();
        channel.getConversation().setId(channelId);
        store(orgId, channelId, ConversationKind.CHANNEL, null, channel);
    }

    /** The channel a Teams conversation id belongs to: the id without its {@code ;messageid=…} thread part. */
    static String channelId(ConversationRef where) {
        int thread = where.conversationId().indexOf(";messageid=");
        return thread < 0 ? where.conversationId() : where.conversationId().substring(0, thread);
    }

    void store(long orgId, String conversationId, ConversationKind kind, Long personId, ConversationReference ref) {
        String json = TeamsJson.writeStorable(ref);
        jdbi.useExtension(
                ConversationDao.class,
                conversations -> conversations.upsert(orgId, Platform.TEAMS, conversationId, kind, personId, json));
    }

    Optional<ConversationReference> conversation(long orgId, String conversationId) {
        return jdbi.withExtension(
                        ConversationDao.class,
                        conversations -> conversations.find(orgId, Platform.TEAMS, conversationId))
                .flatMap(TeamsReferences::read);
    }

    /** The 1:1 chat with a Teams user ({@code 29:…} or an object id), if Candor has one. */
    Optional<ConversationReference> directMessage(long orgId, String userId) {
        return person(orgId, userId)
                .flatMap(person -> jdbi.withExtension(
                        ConversationDao.class,
                        conversations -> conversations.findDm(orgId, Platform.TEAMS, person.id())))
                .flatMap(TeamsReferences::read);
    }

    /**
     * The person a Teams id or an Azure AD object id stands for. Kudos from the people picker may be addressed to an
     * object id, and stay so in the outbox after the person wrote to Candor and got their Teams id.
     */
    Optional<Person> person(long orgId, String userId) {
        return jdbi.withExtension(PersonDao.class, people -> people.findByPlatformUser(orgId, Platform.TEAMS, userId)
                .or(() -> TeamsPeople.isObjectId(userId) ? people.findByAadObjectId(orgId, userId) : Optional.empty()));
    }

    private static Optional<ConversationReference> read(StoredConversation stored) {
        return TeamsJson.reference(stored.reference());
    }
}
