package dev.candor.storage.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A 1:1's agenda: talking points, action items, and each person's notes of a meeting. */
@RegisterConstructorMapper(AgendaItem.class)
public interface AgendaDao {
    String COLUMNS =
            """
            i.id, i.one_on_one_id, i.kind, i.text, i.owner_id, w.name AS owner_name, i.added_by, i.occurrence
            """;

    @SqlUpdate(
            """
            INSERT INTO one_on_one_items (org_id, one_on_one_id, kind, text, added_by, created_at)
            VALUES (:orgId, :oneOnOneId, 'point', :text, :addedBy, :now)
            """)
    void insertPoint(
            @Bind("orgId") long orgId,
            @Bind("oneOnOneId") long oneOnOneId,
            @Bind("text") String text,
            @Bind("addedBy") long addedBy,
            @Bind("now") Instant now);

    @SqlUpdate(
            """
            INSERT INTO one_on_one_items (org_id, one_on_one_id, kind, text, owner_id, added_by, occurrence)
            VALUES (:orgId, :oneOnOneId, 'action', :text, :ownerId, :addedBy, :occurrence)
            """)
    void insertAction(
            @Bind("orgId") long orgId,
            @Bind("oneOnOneId") long oneOnOneId,
            @Bind("text") String text,
            @Bind("ownerId") long ownerId,
            @Bind("addedBy") long addedBy,
            @Bind("occurrence") LocalDateTime occurrence);

    /** The open items of many 1:1s at once (a sweep's reminders), points first, oldest first. */
    @SqlQuery(
            "SELECT " + COLUMNS
                    + """
            FROM one_on_one_items i LEFT JOIN people w ON w.org_id = i.org_id AND w.id = i.owner_id
            WHERE i.one_on_one_id = ANY(:ids) AND i.done_at IS NULL
            ORDER BY i.one_on_one_id, i.kind DESC, i.id
            """)
    List<AgendaItem> listOpen(@Bind("ids") long[] oneOnOneIds);

    @SqlQuery(
            "SELECT " + COLUMNS
                    + """
            FROM one_on_one_items i LEFT JOIN people w ON w.org_id = i.org_id AND w.id = i.owner_id
            WHERE i.org_id = :orgId AND i.id = :id
            """)
    Optional<AgendaItem> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** Marks an open action item done; false when it was done already. */
    @SqlUpdate(
            """
            UPDATE one_on_one_items SET done_at = :now, done_by = :personId
            WHERE org_id = :orgId AND id = :id AND kind = 'action' AND done_at IS NULL
            """)
    boolean markDone(
            @Bind("orgId") long orgId, @Bind("id") long id, @Bind("personId") long personId, @Bind("now") Instant now);

    /** Talking points added before a meeting started are done with it: the next agenda starts fresh. */
    @SqlUpdate(
            """
            UPDATE one_on_one_items SET done_at = :now
            WHERE org_id = :orgId AND one_on_one_id = :id AND kind = 'point' AND done_at IS NULL
              AND created_at <= :meetingAt
            """)
    int markPointsDiscussed(
            @Bind("orgId") long orgId,
            @Bind("id") long oneOnOneId,
            @Bind("meetingAt") Instant meetingAt,
            @Bind("now") Instant now);

    /** Replaces an author's notes of a meeting. */
    @SqlUpdate(
            """
            INSERT INTO one_on_one_notes (org_id, one_on_one_id, occurrence, author_id, notes, submitted_at)
            VALUES (:orgId, :oneOnOneId, :occurrence, :authorId, :notes, :now)
            ON CONFLICT (one_on_one_id, occurrence, author_id) DO UPDATE
                SET notes = EXCLUDED.notes, submitted_at = EXCLUDED.submitted_at
            """)
    void saveNotes(
            @Bind("orgId") long orgId,
            @Bind("oneOnOneId") long oneOnOneId,
            @Bind("occurrence") LocalDateTime occurrence,
            @Bind("authorId") long authorId,
            @Bind("notes") String notes,
            @Bind("now") Instant now);

    /** The open action items an author wrote from a meeting's notes, which sending the notes again replaces. */
    @SqlUpdate(
            """
            DELETE FROM one_on_one_items
            WHERE org_id = :orgId AND one_on_one_id = :oneOnOneId AND kind = 'action' AND occurrence = :occurrence
              AND added_by = :authorId AND done_at IS NULL
            """)
    int deleteOpenActions(
            @Bind("orgId") long orgId,
            @Bind("oneOnOneId") long oneOnOneId,
            @Bind("occurrence") LocalDateTime occurrence,
            @Bind("authorId") long authorId);
}
