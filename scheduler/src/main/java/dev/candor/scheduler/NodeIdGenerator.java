package dev.candor.scheduler;

import java.util.UUID;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz's {@code instanceId=AUTO} generator. Quartz's default appends the current millisecond to the host name,
 * which two schedulers started in the same millisecond (tests, two instances on one host) would share; a shared id
 * makes each node think the other's check-ins are its own. Public because Quartz instantiates it by class name.
 */
public final class NodeIdGenerator implements InstanceIdGenerator {

    @Override
    public String generateInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "candor");
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
