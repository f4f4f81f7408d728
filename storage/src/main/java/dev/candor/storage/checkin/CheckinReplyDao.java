package dev.candor.storage.checkin;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The owner's replies to people's check-ins. */
@RegisterConstructorMapper(CheckinReply.class)
public interface CheckinReplyDao {

    @SqlQuery(
            """
            INSERT INTO checkin_replies (org_id, round_id, person_id, author_id, reply)
            VALUES (:orgId, :roundId, :personId, :authorId, :reply)
            RETURNING id, round_id, person_id, author_id, reply, created_at
            """)
    CheckinReply insert(
            @Bind("orgId") long orgId,
            @Bind("roundId") long roundId,
            @Bind("personId") long personId,
            @Bind("authorId") long authorId,
            @Bind("reply") String reply);

    /** A person's replies in the given rounds, oldest first. */
    default List<CheckinReply> listFor(long orgId, long personId, Collection<Long> roundIds) {
        return list(
                orgId, personId, roundIds.stream().mapToLong(Long::longValue).toArray());
    }

    @SqlQuery(
            """
            SELECT id, round_id, person_id, author_id, reply, created_at FROM checkin_replies
            WHERE org_id = :orgId AND person_id = :personId AND round_id = ANY(:rounds)
            ORDER BY created_at, id
            """)
    List<CheckinReply> list(@Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("rounds") long[] rounds);
}
