package dev.candor.bot.server;

import java.util.Optional;

/** Where features put files for Slack's and Microsoft's servers (and people) to fetch: {@link FileLinks}. */
public interface PublicFiles {

    /** Whether files can be published: PUBLIC_URL is set. */
    boolean enabled();

    /** Publishes the file and returns its public address; empty when files can't be published. */
    Optional<String> publish(long orgId, String contentType, String fileName, byte[] body);
}
