package dev.candor.storage.ask;

import java.util.UUID;

/** A conversation about one anonymous answer's question, with its author known only by the answer's edit key. */
public record AnswerThread(UUID id, long orgId, long roundId, byte[] authorKey, String questionId) {}
