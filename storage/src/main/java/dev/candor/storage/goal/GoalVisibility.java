package dev.candor.storage.goal;

import dev.candor.storage.DbEnum;

/** Who may see a goal besides its owners. */
public enum GoalVisibility implements DbEnum {
    /** Everyone in the organisation. */
    EVERYONE,
    /** The owners' teammates (people with the same manager), their reports, and managers up their line. */
    TEAM,
    /** Only the owners and their managers. */
    PRIVATE
}
