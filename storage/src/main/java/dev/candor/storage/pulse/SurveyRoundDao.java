package dev.candor.storage.pulse;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Surveys and their engine rounds (feature {@code pulse}, subject = the survey id). */
public interface SurveyRoundDao {

    /** The survey's latest round (its answer rate in the list), if any. */
    @SqlQuery(
            """
            SELECT id FROM rounds WHERE org_id = :orgId AND feature = 'pulse' AND subject = :subject
            ORDER BY id DESC LIMIT 1
            """)
    Optional<Long> latestRound(@Bind("orgId") long orgId, @Bind("subject") String subject);

    /** The survey's open rounds, for holding their reminders or ending them. */
    @SqlQuery(
            """
            SELECT id FROM rounds WHERE org_id = :orgId AND feature = 'pulse' AND subject = :subject
              AND state = 'open' ORDER BY id
            """)
    List<Long> openRounds(@Bind("orgId") long orgId, @Bind("subject") String subject);
}
