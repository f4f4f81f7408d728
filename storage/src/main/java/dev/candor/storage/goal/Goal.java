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
        List<String> ownerNames) {

    /** Progress from 0 to 100: the percent, the share of the way from start to target, or 0 / 100. */
    public int progress() {
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
