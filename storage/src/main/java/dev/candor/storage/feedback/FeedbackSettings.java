package dev.candor.storage.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The visibilities an organisation allows besides private, which is always allowed; whether people may ask for
 * feedback anonymously and speak up anonymously, and to whom ({@code speakUpTo}, or every HR admin when null); and
 * whether the subject of a 360 reads its answers.
 */
public record FeedbackSettings(
        boolean withManager,
        boolean managerOnly,
        boolean anonymousRequests,
        boolean speakUp,
        Long speakUpTo,
        SubjectSees subjectSees) {
    public static final FeedbackSettings DEFAULTS =
            new FeedbackSettings(true, true, true, true, null, SubjectSees.ANONYMOUS);

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
