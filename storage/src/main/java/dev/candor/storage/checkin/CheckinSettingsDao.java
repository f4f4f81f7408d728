package dev.candor.storage.checkin;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Whether HR admins may read check-in answers; off until HR switches it on. */
public interface CheckinSettingsDao {

    @SqlQuery("SELECT coalesce((SELECT hr_can_read FROM checkin_settings WHERE org_id = :orgId), false)")
    boolean hrCanRead(@Bind("orgId") long orgId);

    /** Returns the value before the change. */
    default boolean setHrCanRead(long orgId, boolean on) {
        boolean before = hrCanRead(orgId);
        upsert(orgId, on);
        return before;
    }

    @SqlUpdate(
            """
            INSERT INTO checkin_settings (org_id, hr_can_read) VALUES (:orgId, :on)
            ON CONFLICT (org_id) DO UPDATE SET hr_can_read = EXCLUDED.hr_can_read, updated_at = now()
            """)
    void upsert(@Bind("orgId") long orgId, @Bind("on") boolean on);
}
