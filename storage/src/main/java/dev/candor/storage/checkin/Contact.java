package dev.candor.storage.checkin;

import dev.candor.storage.Platform;

/** A person as check-ins address them: name and, when Candor knows one, their platform account (else null). */
public record Contact(long personId, String name, Platform platform, String platformUserId) {

    public boolean reachable() {
        return platformUserId != null;
    }
}
