package dev.candor.bot.slack;

import dev.candor.storage.Database;

/** People of the directory for Slack tests: a row in Berlin with their Slack identity {@code U0NAME}. */
final class SlackPeople {
    private SlackPeople() {}

    static long insert(Database database, long orgId, String name, Long managerId, String role) {
        return insert(database, orgId, name, managerId, role, null, null);
    }

    /** @param startDate the day they joined, {@code yyyy-MM-dd}, or null */
    static long insert(
            Database database,
            long orgId,
            String name,
            Long managerId,
            String role,
            String department,
            String startDate) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.createQuery("INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id,"
                            + " role, department, start_date) VALUES (:org, :name, 'Europe/Berlin', 'Europe/Berlin',"
                            + " :manager, :role, :department, CAST(:start AS date)) RETURNING id")
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("manager", managerId)
                    .bind("role", role)
                    .bind("department", department)
                    .bind("start", startDate)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    "U0" + name.toUpperCase());
            return id;
        });
    }
}
