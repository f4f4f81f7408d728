package dev.candor.bot.admin;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every kind of message {@code /candor admin} sends, produced by the real handler on a real database, for the
 * golden files of each platform's renderer. Audit times are pinned so that the files don't change from run to run.
 */
public final class AdminGoldenMessages {
    private AdminGoldenMessages() {}

    public static Map<String, Message> of(Platform platform) {
        try (AdminFixture fixture = new AdminFixture()) {
            boolean slack = platform == Platform.SLACK;
            Actor hr = fixture.person(platform, slack ? "U0HANA" : "29:hana", "Hana", "Europe/Berlin", Role.HR_ADMIN);
            Actor gil = fixture.person(platform, slack ? "U0GIL" : "29:gil", "Gil", "UTC", Role.EMPLOYEE);
            Map<String, Message> messages = new LinkedHashMap<>();
            messages.put("admin-refused", fixture.candor(gil, "admin allowance 50 per day"));
            messages.put("admin-changed", fixture.candor(hr, "admin allowance 10 per week"));
            fixture.candor(hr, "admin values add ownership :muscle: Ownership — we own outcomes");
            fixture.candor(hr, "admin values add craft Craft — we sweat the details");
            messages.put("admin-value-removed", fixture.candor(hr, "admin values remove craft"));
            fixture.candor(hr, "admin values require on");
            messages.put("admin-values", fixture.candor(hr, "admin values"));
            messages.put("admin-overview", fixture.candor(hr, "admin"));
            messages.put("admin-usage", fixture.candor(hr, "admin digest friday 4pm"));
            messages.put("admin-unknown", fixture.candor(hr, "admin frobnicate"));
            fixture.jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE audit_log SET created_at = timestamptz '2025-03-03 08:00:00Z' + id * interval '7 minutes'"
                                    + " WHERE org_id = ?",
                            hr.orgId()));
            messages.put("admin-audit", fixture.candor(hr, "admin audit"));
            return messages;
        }
    }
}
