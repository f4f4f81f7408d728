package dev.candor.storage.oneonone;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A check-in with the default questions and answered rounds, written as check-ins and the asking engine store them,
 * for tests of what 1:1 agendas show from check-ins (the check-in flows themselves are tested by check-ins).
 *
 * @param questionnaireId the check-in's questions: {@code q1} mood, {@code q2} what went well, {@code q3} what is
 *     blocking you, {@code q4} priorities
 */
public record CheckinAnswerSeed(long orgId, long checkinId, long questionnaireId) {
    public static final String QUESTIONS =
            """
            [{"id":"q1","type":"mood","prompt":"How are you feeling this week?","required":true},
             {"id":"q2","type":"text","prompt":"What went well this week?","required":true,"multiline":true,
              "maxLength":2000},
             {"id":"q3","type":"text","prompt":"What is blocking you?","required":true,"multiline":true,
              "maxLength":2000},
             {"id":"q4","type":"text","prompt":"What are your priorities for next week?","required":true,
              "multiline":true,"maxLength":2000}]""";

    /** A weekly check-in owned by {@code ownerId}. */
    public static CheckinAnswerSeed checkin(Jdbi jdbi, long orgId, long ownerId) {
        return jdbi.inTransaction(handle -> {
            long questionnaire = id(
                    handle, "INSERT INTO questionnaires (org_id, feature) VALUES (?, 'checkin') RETURNING id", orgId);
            handle.execute(
                    "INSERT INTO questionnaire_versions (org_id, questionnaire_id, version, questions)"
                            + " VALUES (?, ?, 1, ?::jsonb)",
                    orgId,
                    questionnaire,
                    QUESTIONS);
            long checkin = id(
                    handle,
                    "INSERT INTO checkins (org_id, owner_id, name, audience, cadence, weekday, questionnaire_id)"
                            + " VALUES (?, ?, 'Weekly check-in', 'reports', 'weekly', 5, ?) RETURNING id",
                    orgId,
                    ownerId,
                    questionnaire);
            return new CheckinAnswerSeed(orgId, checkin, questionnaire);
        });
    }

    /** A round of this check-in that asked {@code personId} at {@code opensAt} and that they answered. */
    public void answered(Jdbi jdbi, long personId, String period, Instant opensAt, String valuesJson) {
        Instant due = opensAt.plus(Duration.ofDays(2));
        jdbi.useTransaction(handle -> {
            long round = id(
                    handle,
                    "INSERT INTO rounds (org_id, feature, subject, period, questionnaire_id, version,"
                            + " deadline_working_days, closes_at) VALUES (?, 'checkin', ?, ?, ?, 1, 2, ?) RETURNING id",
                    orgId,
                    "checkin:" + checkinId,
                    period,
                    questionnaireId,
                    due);
            long ask = id(
                    handle,
                    "INSERT INTO asks (org_id, round_id, person_id, state, opens_at, sent_at, due_at, answered_at)"
                            + " VALUES (?, ?, ?, 'answered', ?, ?, ?, ?) RETURNING id",
                    orgId,
                    round,
                    personId,
                    opensAt,
                    opensAt,
                    due,
                    opensAt.plus(Duration.ofHours(1)));
            handle.execute(
                    "INSERT INTO answers (org_id, round_id, ask_id, questionnaire_version, answer_values, submitted_at)"
                            + " VALUES (?, ?, ?, 1, ?::jsonb, ?)",
                    orgId,
                    round,
                    ask,
                    valuesJson,
                    opensAt.plus(Duration.ofHours(1)));
        });
    }

    private static long id(Handle handle, String sql, Object... arguments) {
        return handle.select(sql, arguments).mapTo(Long.class).one();
    }
}
