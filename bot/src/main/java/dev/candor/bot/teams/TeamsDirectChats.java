package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationLookupDao;
import dev.candor.storage.people.Person;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's 1:1 chat with Candor. The stored one when the person has written to Candor before; otherwise Candor
 * opens it through the Bot Connector ({@code POST v3/conversations}, which returns the existing chat if there is
 * one) at the tenant's service URL, and keeps its reference.
 *
 * <p>The person may be named by their Teams id ({@code 29:…}) or, when Candor knows only that (picked in a form,
 * imported from the directory), by their Azure AD object id. Teams accepts the object id as the member's {@code id}
 * for a 1:1 chat (documented since 2023: "Send proactive messages using AAD Id", msteams-docs #9081; putting it in
 * {@code aadObjectId} instead is answered with 400, msteams-docs #14079), but only if the person has Candor installed
 * in their personal scope; otherwise Teams refuses (403), which the outbox parks as a permanent failure.
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
        if (org.isEmpty() || org.get().teamsServiceUrl() == null || org.get().teamsTenantId() == null) {
            return Optional.empty();
        }
        return Optional.of(open(org.get(), userId));
    }

    private ConversationReference open(Organisation org, String userId)
            throws ExecutionException, TimeoutException, InterruptedException {
        String serviceUrl = org.teamsServiceUrl();
        ConversationParameters parameters = parameters(org.teamsTenantId(), userId);
        ConversationResourceResponse created = connectors
                .client(serviceUrl, credentials.channel())
                .getConversations()
                .createConversation(parameters)
                .get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ConversationReference reference = reference(org, userId, created);
        Long personId = references.person(org.id(), userId).map(Person::id).orElse(null);
        references.store(org.id(), created.getId(), ConversationKind.DM, personId, reference);
        return reference;
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

    private ConversationReference reference(Organisation org, String userId, ConversationResourceResponse created) {
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("personal");
        conversation.setTenantId(org.teamsTenantId());
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(created.getServiceUrl() != null ? created.getServiceUrl() : org.teamsServiceUrl());
        reference.setConversation(conversation);
        reference.setUser(new ChannelAccount(userId));
        if (credentials.botId() != null) {
            reference.setBot(new ChannelAccount(credentials.botId()));
        }
        return reference;
    }
}
