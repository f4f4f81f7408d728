package dev.candor.storage.ask;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Drafts of answers: a form's values, by input id, as JSON, saved when the form was closed unsent. */
public interface AskDraftDao {

    /** Keeps the draft, replacing an earlier one. */
    @SqlUpdate(
            """
            INSERT INTO ask_drafts (org_id, ask_id, draft, saved_at) VALUES (:orgId, :askId, CAST(:draft AS jsonb), :now)
            ON CONFLICT (org_id, ask_id) DO UPDATE SET draft = EXCLUDED.draft, saved_at = EXCLUDED.saved_at
            """)
    void save(
            @Bind("orgId") long orgId, @Bind("askId") long askId, @Bind("draft") String json, @Bind("now") Instant now);

    @SqlQuery("SELECT draft::text FROM ask_drafts WHERE org_id = :orgId AND ask_id = :askId")
    Optional<String> find(@Bind("orgId") long orgId, @Bind("askId") long askId);

    /** The draft is gone once the answer is sent. */
    @SqlUpdate("DELETE FROM ask_drafts WHERE org_id = :orgId AND ask_id = :askId")
    void delete(@Bind("orgId") long orgId, @Bind("askId") long askId);
}
