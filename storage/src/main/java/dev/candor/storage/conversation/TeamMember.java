package dev.candor.storage.conversation;

/**
 * A member of a Teams team Candor is installed in, as the team's member list says.
 *
 * @param teamsUserId the Bot Framework id ({@code 29:…}), with which Candor may open a 1:1 chat
 * @param email the member's email or user principal name, or null
 */
public record TeamMember(
        long orgId, String teamId, String aadObjectId, String teamsUserId, String name, String email) {}
