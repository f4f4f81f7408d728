package dev.candor.scheduler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.quartz.Job;

class ScheduledJobTest {

    @Test
    void rejectsJobsQuartzCouldNotLoadByName() {
        Job lambda = context -> {};

        assertThatThrownBy(() -> new ScheduledJob("lambda", lambda, Schedule.every(Duration.ofMinutes(1))))
                .hasMessageContaining("named class");
    }

    @Test
    void rejectsCronExpressionsQuartzWouldNotParse() {
        assertThatThrownBy(() -> Schedule.cron("*/5 * * * *", ZoneId.of("UTC")))
                .hasMessageContaining("not a Quartz cron expression");
    }
}
