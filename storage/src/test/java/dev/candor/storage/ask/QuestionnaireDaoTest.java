package dev.candor.storage.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionnaireDaoTest {
    private Database database;
    private AskFixture acme;
    private QuestionnaireDao questionnaires;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        acme = new AskFixture(database, "T1");
        questionnaires = database.jdbi().onDemand(QuestionnaireDao.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void editingAddsANumberedVersionAndKeepsTheEarlierOnes() {
        QuestionnaireVersion first = questionnaires.insert(acme.orgId, "checkin", "[{\"id\":\"a\"}]", null);

        QuestionnaireVersion second = questionnaires
                .addVersion(acme.orgId, first.questionnaireId(), "[{\"id\":\"b\"}]", null)
                .orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.feature()).isEqualTo("checkin");
        assertThat(second.version()).isEqualTo(2);
        assertThat(questionnaires.findLatest(acme.orgId, first.questionnaireId()))
                .get()
                .extracting(QuestionnaireVersion::questionsJson)
                .isEqualTo("[{\"id\": \"b\"}]");
        assertThat(questionnaires.findVersion(acme.orgId, first.questionnaireId(), 1))
                .get()
                .extracting(QuestionnaireVersion::questionsJson)
                .isEqualTo("[{\"id\": \"a\"}]");
    }

    @Test
    void anotherOrganisationCanNeitherReadNorEditAQuestionnaire() {
        AskFixture other = new AskFixture(database, "T2");
        QuestionnaireVersion first = questionnaires.insert(acme.orgId, "checkin", "[]", null);

        assertThat(questionnaires.findLatest(other.orgId, first.questionnaireId()))
                .isEmpty();
        assertThat(questionnaires.addVersion(other.orgId, first.questionnaireId(), "[]", null))
                .isEmpty();
    }
}
