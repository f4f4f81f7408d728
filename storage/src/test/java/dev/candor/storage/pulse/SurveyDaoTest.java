package dev.candor.storage.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.org.OrganisationDao;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SurveyDaoTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private long hr;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.onDemand(OrganisationDao.class).upsertSlack("T1", "Acme").id();
        hr = person("Hana");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDraftIsStoredWithItsAudienceAndLaunchedPausedAndClosedOnlyFromTheRightStates() {
        long ana = person("Ana");
        Survey draft = jdbi.onDemand(SurveyDao.class).insert(survey(SurveyAudience.DEPARTMENTS), List.of(ana));

        assertThat(draft.state()).isEqualTo(SurveyState.DRAFT);
        assertThat(draft.audienceDepartments()).containsExactly("Sales", "Support");
        assertThat(draft.cadence().recurring()).isEmpty();
        assertThat(draft.subject()).isEqualTo(Long.toString(draft.id()));
        assertThat(jdbi.onDemand(SurveyDao.class).listPeople(orgId, draft.id())).containsExactly(ana);
        assertThat(jdbi.onDemand(SurveyDao.class).listActive()).isEmpty();

        Survey launched = move(draft, SurveyState.ACTIVE, SurveyState.DRAFT, SurveyState.PAUSED);
        assertThat(launched.launchedAt()).isEqualTo(NOW);
        assertThat(jdbi.onDemand(SurveyDao.class).listActive())
                .extracting(Survey::id)
                .containsExactly(draft.id());

        Survey closed = move(launched, SurveyState.CLOSED, SurveyState.ACTIVE, SurveyState.PAUSED);
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(jdbi.onDemand(SurveyDao.class)
                        .move(orgId, draft.id(), new String[] {"active", "paused"}, SurveyState.ACTIVE, NOW))
                .as("a closed survey is not resumed")
                .isEmpty();
        assertThat(jdbi.onDemand(SurveyDao.class)
                        .move(orgId + 1, draft.id(), new String[] {"closed"}, SurveyState.ACTIVE, NOW))
                .as("another organisation's survey is not found")
                .isEmpty();
    }

    @Test
    void theMinimumGroupIsNeverBelowThree() {
        Survey tooSmall = new Survey(
                0,
                orgId,
                "Tiny",
                SurveyTemplate.BLANK,
                questionnaire(),
                true,
                2,
                SurveyAudience.EVERYONE,
                List.of(),
                null,
                null,
                null,
                SurveyCadence.ONCE,
                null,
                LocalTime.of(10, 0),
                1,
                5,
                true,
                null,
                hr,
                null,
                null,
                null);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbi.onDemand(SurveyDao.class).insert(tooSmall, List.of()))
                .isInstanceOf(UnableToExecuteStatementException.class);
    }

    private Survey move(Survey survey, SurveyState to, SurveyState... from) {
        String[] states =
                java.util.Arrays.stream(from).map(SurveyState::dbValue).toArray(String[]::new);
        return jdbi.onDemand(SurveyDao.class)
                .move(orgId, survey.id(), states, to, NOW)
                .orElseThrow();
    }

    private Survey survey(SurveyAudience audience) {
        return new Survey(
                0,
                orgId,
                "Q4 pulse",
                SurveyTemplate.ENPS,
                questionnaire(),
                true,
                5,
                audience,
                List.of("Sales", "Support"),
                null,
                null,
                Platform.SLACK,
                SurveyCadence.ONCE,
                LocalDate.parse("2026-12-10"),
                LocalTime.of(10, 0),
                1,
                5,
                true,
                null,
                hr,
                null,
                null,
                null);
    }

    private long questionnaire() {
        return jdbi.onDemand(QuestionnaireDao.class)
                .insert(orgId, Survey.FEATURE, "[{\"id\":\"q1\",\"type\":\"nps\",\"prompt\":\"Recommend?\"}]", null)
                .questionnaireId();
    }

    private long person(String name) {
        return jdbi.withHandle(
                handle -> handle.createQuery("INSERT INTO people (org_id, name) VALUES (:org, :name) RETURNING id")
                        .bind("org", orgId)
                        .bind("name", name)
                        .mapTo(Long.class)
                        .one());
    }
}
