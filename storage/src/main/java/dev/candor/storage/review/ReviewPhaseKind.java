package dev.candor.storage.review;

import dev.candor.storage.DbEnum;

/**
 * A phase of a review cycle, in the order they usually run: each participant reviews themselves; proposes peers,
 * whom their manager approves; the approved peers review them; their manager reviews them; and shares that review,
 * which they acknowledge.
 */
public enum ReviewPhaseKind implements DbEnum {
    SELF,
    PEERS,
    PEER,
    MANAGER,
    SHARING;

    /** How people read it: "Self review". */
    public String label() {
        return switch (this) {
            case SELF -> "Self review";
            case PEERS -> "Peer nomination";
            case PEER -> "Peer review";
            case MANAGER -> "Manager review";
            case SHARING -> "Sharing";
        };
    }
}
