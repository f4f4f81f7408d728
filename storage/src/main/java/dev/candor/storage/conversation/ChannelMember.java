package dev.candor.storage.conversation;

/** A member of a Teams channel's team, as its roster lists them. */
public record ChannelMember(String teamsUserId, String aadObjectId, String name) {}
