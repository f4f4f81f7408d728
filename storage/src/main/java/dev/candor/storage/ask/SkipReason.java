package dev.candor.storage.ask;

import dev.candor.storage.DbEnum;

/** Why a person was not asked (or no longer is). */
public enum SkipReason implements DbEnum {
    /** Away (vacation, sick) when the ask would have opened, and not back in time. */
    AWAY,
    /** Candor has no way to reach them on any platform. */
    UNREACHABLE,
    /** They left the organisation (deactivated). */
    LEFT,
    /** Their first working moment comes after the round's deadline. */
    AFTER_DEADLINE,
    /** They said no (a feature's decline button). */
    DECLINED,
    /** The round was cancelled before they answered. */
    CANCELLED
}
