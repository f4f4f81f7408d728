package dev.candor.storage.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A goal as stored, with its cycle's name and its owners.
 *
 * @param ownerIds the owners' person ids
 * @param ownerManagerIds the owners' direct managers' person ids (nulls left out)
 * @param ownerNames the owners' names, in the order of {@code ownerIds}
 * @param company a company goal, a root of the company's tree
 * @param progressByHand an objective whose progress was set by hand, not its key results' average
 * @param children how many goals contribute to this one (its key results)
 * @param childrenProgress their average progress, 0 to 100, or null without any
 */
public record Goal(
        long id,
        long orgId,
        long cycleId,
        String cycleName,
        Long parentId,
        String title,
        String description,
        GoalMeasure measure,
        BigDecimal startValue,
        BigDecimal targetValue,
        String unit,
        BigDecimal currentValue,
        GoalStatus status,
        GoalVisibility visibility,
        LocalDate dueOn,
        long createdBy,
        Instant createdAt,
        Instant updatedAt,
        List<Long> ownerIds,
        List<Long> ownerManagerIds,
        List<String> ownerNames,
        boolean company,
        boolean progressByHand,
        int children,
        Integer childrenProgress) {

    /**
     * Progress from 0 to 100: its key results' average unless set by hand, else the percent, the share of the way
     * from start to target, or 0 / 100.
     */
    public int progress() {
        if (children > 0 && !progressByHand && childrenProgress != null) {
            return childrenProgress;
        }
        return ownProgress();
    }

    /** Progress from its own value alone. */
    public int ownProgress() {
        BigDecimal share =
                switch (measure) {
                    case PERCENT -> currentValue;
                    case DONE -> currentValue.signum() > 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
                    case NUMBER ->
                        currentValue
                                .subtract(startValue)
                                .multiply(BigDecimal.valueOf(100))
                                .divide(targetValue.subtract(startValue), 0, RoundingMode.HALF_UP);
                };
        return Math.max(0, Math.min(100, share.setScale(0, RoundingMode.HALF_UP).intValue()));
    }

    public boolean ownedBy(long personId) {
        return ownerIds.contains(personId);
    }

    /** Whether this person is the direct manager of one of the owners. */
    public boolean managedBy(long personId) {
        return ownerManagerIds.contains(personId);
    }
}
