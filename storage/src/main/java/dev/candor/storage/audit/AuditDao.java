package dev.candor.storage.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

    @SqlUpdate(
            """
            INSERT INTO audit_log (org_id, person_id, action, old_value, new_value)
            VALUES (:orgId, :personId, :action, :oldValue, :newValue)
            """)
    void insert(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("action") String action,
            @Bind("oldValue") String oldValue,
            @Bind("newValue") String newValue);

    @SqlQuery("SELECT * FROM audit_log WHERE org_id = :orgId ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<AuditEntry> listRecent(@Bind("orgId") long orgId, @Bind("limit") int limit);
}
