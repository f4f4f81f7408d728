package dev.candor.storage.people;

import dev.candor.storage.Platform;

/** How a person is known on one platform: a Slack user id, or a Teams user id and AAD object id. */
public record PlatformIdentity(
        long orgId, long personId, Platform platform, String platformUserId, String aadObjectId) {}
