package dev.candor.storage.kudos;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CompanyValue.class)
public interface CompanyValueDao {

    @SqlQuery("SELECT * FROM company_values WHERE org_id = :orgId ORDER BY tag")
    List<CompanyValue> list(@Bind("orgId") long orgId);

    @SqlQuery("SELECT * FROM company_values WHERE org_id = :orgId AND tag = lower(:tag)")
    Optional<CompanyValue> find(@Bind("orgId") long orgId, @Bind("tag") String tag);

    /** Adds a value or replaces its name, emoji and description. */
    @SqlUpdate(
            """
            INSERT INTO company_values (org_id, tag, name, emoji, description)
            VALUES (:orgId, lower(:tag), :name, :emoji, :description)
            ON CONFLICT (org_id, tag) DO UPDATE
                SET name = EXCLUDED.name, emoji = EXCLUDED.emoji, description = EXCLUDED.description
            """)
    void save(
            @Bind("orgId") long orgId,
            @Bind("tag") String tag,
            @Bind("name") String name,
            @Bind("emoji") String emoji,
            @Bind("description") String description);

    @SqlUpdate("DELETE FROM company_values WHERE org_id = :orgId AND tag = lower(:tag)")
    boolean delete(@Bind("orgId") long orgId, @Bind("tag") String tag);
}
