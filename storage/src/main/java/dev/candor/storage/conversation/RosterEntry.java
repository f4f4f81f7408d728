package dev.candor.storage.conversation;

/** Where a person was last seen in a team roster: their Teams id, and the Bot Connector of that team. */
public record RosterEntry(String teamsUserId, String aadObjectId, String serviceUrl) {}
