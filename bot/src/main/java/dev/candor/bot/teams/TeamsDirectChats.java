package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.conversation.RosterEntry;
import dev.candor.storage.conversation.TeamRosterDao;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationLookupDao;
import dev.candor.storage.people.Person;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's 1:1 chat with Candor. The stored one when the person has written to Candor before; otherwise Candor
 * opens it through the Bot Connector ({@code POST v3/conversations}, which returns the existing chat if there is
 * one) from the tenant id and the person's id, and keeps its reference.
 *
 * <p>Teams opens a chat with the Teams id ({@code 29:…}) of a member of a team Candor is installed in: a person in a
 * recorded roster ({@link TeamsRosters}) is addressed by the roster's Teams id, at that team's service URL. Anyone
 * else is addressed as the outbox names them: by their Teams id or, when Candor knows only that (picked in a form,
 * imported from the directory), by their Azure AD object id. Teams accepts the object id as the member's {@code id}
 * (documented since 2023: "Send proactive messages using AAD Id", msteams-docs #9081; putting it in
 * {@code aadObjectId} instead is answered with 400, msteams-docs #14079), but only if the person has Candor installed
 * in their personal scope (or organisation-wide). When Teams refuses, the person is recorded as unreachable
 * ({@code reach_failures}) and the message parked with {@link ChatRefused#reason()}.
 */
final class TeamsDirectChats {
    private static final long CREATE_TIMEOUT_SECONDS = 2 * TeamsConnectors.READ_TIMEOUT_SECONDS;

    private final Jdbi jdbi;
    private final TeamsReferences references;
    private final TeamsConnectors connectors;
    private final TeamsCredentials credentials;

    TeamsDirectChats(Jdbi jdbi, TeamsReferences references, TeamsConnectors connectors, TeamsCredentials credentials) {
        this.jdbi = jdbi;
        this.references = references;
        this.connectors = connectors;
        this.credentials = credentials;
    }

    /** Empty when Candor has no chat with the person and no service URL for the tenant to open one. */
    Optional<ConversationReference> find(long orgId, String userId)
            throws ExecutionException, TimeoutException, InterruptedException {
        Optional<ConversationReference> stored = references.directMessage(orgId, userId);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<Organisation> org = jdbi.withExtension(OrganisationLookupDao.class, orgs -> orgs.findById(orgId));
        if (org.isEmpty() || org.get().teamsTenantId() == null) {
            return Optional.empty();
        }
        Optional<RosterEntry> rostered =
                jdbi.withExtension(TeamRosterDao.class, rosters -> rosters.findMember(orgId, userId));
        String serviceUrl =
                rostered.map(RosterEntry::serviceUrl).orElse(org.get().teamsServiceUrl());
        if (serviceUrl == null) {
            return Optional.empty();
        }
        String memberId = rostered.map(RosterEntry::teamsUserId).orElse(userId);
        return Optional.of(open(org.get(), serviceUrl, userId, memberId));
    }

    /**
     * Teams refused to open a chat with someone: {@code not_installed_for_user} (403: Candor is neither installed for
     * them nor in a team of theirs) or {@code teams_user_not_found} (400, 404). Nothing was sent.
     */
    static final class ChatRefused extends RuntimeException {
        private final String reason;

        ChatRefused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private ConversationReference open(Organisation org, String serviceUrl, String userId, String memberId)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConversationParameters parameters = parameters(org.teamsTenantId(), memberId);
        ConversationResourceResponse created;
        try {
            created = connectors
                    .client(serviceUrl, credentials.channel())
                    .getConversations()
                    .createConversation(parameters)
                    .get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Optional<String> refused = refusal(e.getCause());
            if (refused.isPresent()) {
                jdbi.useExtension(
                        ReachDao.class, reach -> reach.recordFailure(org.id(), Platform.TEAMS, userId, refused.get()));
                throw new ChatRefused(refused.get());
            }
            throw e;
        }
        ConversationReference reference = reference(org, serviceUrl, memberId, created);
        Long personId = references.person(org.id(), userId).map(Person::id).orElse(null);
        references.store(org.id(), created.getId(), ConversationKind.DM, personId, reference);
        jdbi.useExtension(ReachDao.class, reach -> reach.clearFailure(org.id(), Platform.TEAMS, userId));
        return reference;
    }

    /** Teams' answers that say this person can't be reached this way, as opposed to trouble worth a retry. */
    private static Optional<String> refusal(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof ErrorResponseException error) || error.response() == null) {
            return Optional.empty();
        }
        return switch (error.response().code()) {
            case 403 -> Optional.of("not_installed_for_user");
            case 400, 404 -> Optional.of("teams_user_not_found");
            default -> Optional.empty();
        };
    }

    private ConversationParameters parameters(String tenantId, String userId) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        // A Teams id or an object id, both as the member's id.
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        // Teams reads the tenant from channelData; tenantId is the newer field. A Jackson tree, not a Map: the SDK's
        // request validator reflects into every value and fails on the JDK's immutable maps.
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("tenant").put("id", tenantId);
        parameters.setChannelData(channelData);
        if (credentials.botId() != null) {
            parameters.setBot(new ChannelAccount(credentials.botId()));
        }
        return parameters;
    }

    private ConversationReference reference(
            Organisation org, String serviceUrl, String userId, ConversationResourceResponse created) {
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("personal");
        conversation.setTenantId(org.teamsTenantId());
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(created.getServiceUrl() != null ? created.getServiceUrl() : serviceUrl);
        reference.setConversation(conversation);
        reference.setUser(new ChannelAccount(userId));
        if (credentials.botId() != null) {
            reference.setBot(new ChannelAccount(credentials.botId()));
        }
        return reference;
    }
}
