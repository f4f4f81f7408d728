package dev.candor.storage.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The visibilities an organisation allows besides private, which is always allowed, and whether people may ask for
 * feedback anonymously.
 */
public record FeedbackSettings(boolean withManager, boolean managerOnly, boolean anonymousRequests) {
    public static final FeedbackSettings DEFAULTS = new FeedbackSettings(true, true, true);

    public boolean allows(Visibility visibility) {
        return switch (visibility) {
            case PRIVATE -> true;
            case WITH_MANAGER -> withManager;
            case MANAGER_ONLY -> managerOnly;
        };
    }

    /** The allowed visibilities, private first. */
    public List<Visibility> allowed() {
        List<Visibility> allowed = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            if (allows(visibility)) {
                allowed.add(visibility);
            }
        }
        return allowed;
    }
}
