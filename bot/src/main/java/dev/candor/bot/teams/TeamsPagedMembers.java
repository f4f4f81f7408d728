package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import dev.candor.bot.people.PlatformIds;
import dev.candor.storage.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Every member of a team, read page by page with the Bot Connector's {@code GET
 * v3/conversations/{teamId}/pagedmembers}. Not the SDK's {@code TeamsInfo.getPagedTeamMembers}: its call for every page
 * after the first puts the continuation token into the URL template's query string, which Retrofit refuses ("must not
 * have replace block"), and it can't ask for a page size. This uses the same connector client (base URL, token,
 * timeouts), with the token and page size as query parameters.
 */
final class TeamsPagedMembers {
    /** Teams' largest page. */
    static final int PAGE_SIZE = 500;
    /** 500 pages of 500: Teams' largest teams have 25,000 members. */
    private static final int MAX_PAGES = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsConnectors connectors;
    private final TeamsCredentials credentials;

    TeamsPagedMembers(TeamsConnectors connectors, TeamsCredentials credentials) {
        this.connectors = connectors;
        this.credentials = credentials;
    }

    /** A member as the roster lists them; {@code email} is their email or, without one, their sign-in name. */
    record Member(String teamsUserId, String aadObjectId, String name, String email) {}

    /** The Bot Connector's route, with the continuation token where Teams reads it. */
    interface PagedMembersApi {
        @GET("v3/conversations/{teamId}/pagedmembers")
        Call<ResponseBody> page(
                @Path("teamId") String teamId,
                @Query("pageSize") int pageSize,
                @Query("continuationToken") String continuationToken);
    }

    /** A page Teams refused or answered with something unreadable. */
    static final class ReadFailed extends IOException {
        final int status;

        ReadFailed(int status) {
            super("Bot Connector answered HTTP " + status + " for a team's members");
            this.status = status;
        }
    }

    /** All members of the team; accounts without a Teams id and an Azure AD object id (none are expected) left out. */
    List<Member> all(String serviceUrl, String teamId) throws IOException {
        PagedMembersApi api = api(serviceUrl);
        List<Member> members = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = read(api.page(teamId, PAGE_SIZE, token));
            for (JsonNode member : answer.path("members")) {
                member(member, members);
            }
            token = answer.path("continuationToken").asText("");
            // A token seen before would read the same pages forever.
            if (token.isEmpty() || !tokens.add(token)) {
                return members;
            }
        }
        return members;
    }

    private PagedMembersApi api(String serviceUrl) {
        ConnectorClient client = connectors.client(serviceUrl, credentials.channel());
        return ((RestConnectorClient) client).getRestClient().retrofit().create(PagedMembersApi.class);
    }

    private static JsonNode read(Call<ResponseBody> call) throws IOException {
        Response<ResponseBody> response = call.execute();
        try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
            if (!response.isSuccessful() || body == null) {
                throw new ReadFailed(response.code());
            }
            JsonNode answer = JSON.readTree(body.string());
            if (answer == null || !answer.isObject()) {
                throw new ReadFailed(response.code());
            }
            return answer;
        }
    }

    private static void member(JsonNode member, List<Member> members) {
        String id = member.path("id").asText("");
        String objectId = member.path("aadObjectId").asText("");
        if (!PlatformIds.valid(Platform.TEAMS, id) || !PlatformIds.valid(Platform.TEAMS, objectId)) {
            return;
        }
        String email = member.path("email").asText("");
        if (email.isEmpty()) {
            email = member.path("userPrincipalName").asText("");
        }
        members.add(new Member(id, objectId, text(member.path("name")), email.isEmpty() ? null : email));
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
