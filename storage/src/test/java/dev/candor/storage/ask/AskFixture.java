package dev.candor.storage.ask;

import dev.candor.storage.Database;
import dev.candor.storage.org.OrganisationDao;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** An organisation, people, a questionnaire and rounds written through the DAOs, for the engine's DAO tests. */
final class AskFixture {
    static final String QUESTIONS = "[{\"type\":\"mood\",\"id\":\"mood\",\"prompt\":\"How was your week?\"}]";

    final Jdbi jdbi;
    final long orgId;

    AskFixture(Database database, String team) {
        this.jdbi = database.jdbi();
        this.orgId =
                jdbi.onDemand(OrganisationDao.class).upsertSlack(team, "Acme").id();
    }

    long person(String name, String timezone) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO people (org_id, name, timezone) VALUES (:org, :name, :zone) RETURNING id")
                .bind("org", orgId)
                .bind("name", name)
                .bind("zone", timezone)
                .mapTo(Long.class)
                .one());
    }

    /** {@code count} people at once, in id order. */
    List<Long> people(int count) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO people (org_id, name) SELECT :org, 'P' || i FROM generate_series(1, :n) i"
                                + " ORDER BY i RETURNING id")
                .bind("org", orgId)
                .bind("n", count)
                .mapTo(Long.class)
                .list());
    }

    void identity(long personId, String platform, String userId) {
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id) VALUES (?, ?, ?, ?)",
                orgId,
                personId,
                platform,
                userId));
    }

    QuestionnaireVersion questionnaire() {
        return jdbi.onDemand(QuestionnaireDao.class).insert(orgId, "test", QUESTIONS, null);
    }

    /** A round of {@code questionnaire} opening at {@code closesAt} minus a week, with two working days to answer. */
    Round round(String period, boolean anonymous, Instant closesAt) {
        QuestionnaireVersion questionnaire = questionnaire();
        return jdbi.onDemand(RoundDao.class)
                .insert(new NewRound(
                        orgId,
                        "test",
                        "test:1",
                        period,
                        questionnaire.questionnaireId(),
                        questionnaire.version(),
                        LocalDateTime.parse("2026-01-02T14:00"),
                        2,
                        null,
                        anonymous,
                        List.of("next_working_morning", "before_deadline:PT2H"),
                        closesAt,
                        null))
                .orElseThrow();
    }

    static NewAsk pending(long personId, String opensAt, String dueAt, String... reminders) {
        return new NewAsk(
                personId,
                AskState.PENDING,
                null,
                Instant.parse(opensAt),
                Instant.parse(dueAt),
                java.util.Arrays.stream(reminders).map(Instant::parse).toList());
    }

    long insertAsk(Round round, NewAsk ask) {
        jdbi.onDemand(AskDao.class).insertAll(orgId, round.id(), List.of(ask));
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT id FROM asks WHERE round_id = ? AND person_id = ?", round.id(), ask.personId())
                .mapTo(Long.class)
                .one());
    }
}
