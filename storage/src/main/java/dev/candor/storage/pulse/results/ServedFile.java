package dev.candor.storage.pulse.results;

import java.time.Instant;

/** A file behind an expiring link: a chart picture or an export. */
public record ServedFile(String contentType, String fileName, byte[] body, Instant expiresAt) {}
