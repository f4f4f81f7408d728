package dev.candor.bot.plan;

import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanCheckin;
import dev.candor.storage.plan.PlanDao;
import dev.candor.storage.plan.PlanEvent;
import dev.candor.storage.plan.PlanGoal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Everything kept of one plan: the plan, its goals, its check-in days and its history. */
record PlanFile(Plan plan, List<PlanGoal> goals, List<PlanCheckin> checkins, List<PlanEvent> events) {

    static Optional<PlanFile> load(Handle handle, long orgId, long planId) {
        PlanDao dao = handle.attach(PlanDao.class);
        return dao.find(orgId, planId)
                .map(plan -> new PlanFile(
                        plan, dao.goals(orgId, planId), dao.checkins(orgId, planId), dao.events(orgId, planId)));
    }

    /** The latest check-in day on or before {@code today}, which a note written now is about; empty before the first. */
    Optional<LocalDate> latestCheckin(LocalDate today) {
        return checkins.stream()
                .map(PlanCheckin::onDate)
                .filter(day -> !day.isAfter(today))
                .reduce((first, second) -> second);
    }
}
