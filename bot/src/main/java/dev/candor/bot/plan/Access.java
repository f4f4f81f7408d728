package dev.candor.bot.plan;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.plan.Plan;

/**
 * What a person is to an improvement plan. Only the employee, their manager (the directory's, now) and HR admins may
 * read one; to everyone else it does not exist. Being the employee comes first: an HR admin's own plan is theirs to
 * acknowledge, not to close.
 */
enum Access {
    NONE,
    EMPLOYEE,
    MANAGER,
    HR;

    static Access of(Actor actor, Plan plan) {
        if (plan.orgId() != actor.orgId()) {
            return NONE;
        }
        if (plan.employeeId() == actor.personId()) {
            return EMPLOYEE;
        }
        if (plan.managerId() != null && plan.managerId() == actor.personId()) {
            return MANAGER;
        }
        return actor.isHrAdmin() ? HR : NONE;
    }

    boolean mayRead() {
        return this != NONE;
    }

    /** The manager or HR: follow-up notes and the outcome are theirs. */
    boolean runsIt() {
        return this == MANAGER || this == HR;
    }
}
