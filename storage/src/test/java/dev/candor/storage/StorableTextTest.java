package dev.candor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;

class StorableTextTest {
    private static final String RTL_EMOJI_COMBINING = "\u202Bשלום\u202C 👋🏽 e\u0301";

    @Test
    void removesNulAndReplacesLoneSurrogates() {
        assertThat(StorableText.clean("a\u0000b")).isEqualTo("ab");
        assertThat(StorableText.clean("x\uD83Dy")).isEqualTo("x\uFFFDy");
        assertThat(StorableText.clean("x\uDC4By")).isEqualTo("x\uFFFDy");
        assertThat(StorableText.clean("end\uD83D")).isEqualTo("end\uFFFD");
    }

    @Test
    void keepsRightToLeftMarksEmojiAndCombiningMarks() {
        assertThat(StorableText.clean(RTL_EMOJI_COMBINING)).isSameAs(RTL_EMOJI_COMBINING);
        assertThat(StorableText.clean(null)).isNull();
    }

    @Test
    void everyBoundStringIsStoredWithoutNulOrLoneSurrogates() {
        try (Database database = TestDatabase.fresh()) {
            long orgId = database.jdbi()
                    .onDemand(OrganisationDao.class)
                    .upsertSlack("T1", "Acme")
                    .id();
            PersonDao people = database.jdbi().onDemand(PersonDao.class);

            Person person = people.insert(orgId, "An\u0000a \uD83D" + RTL_EMOJI_COMBINING, null, "UTC", "en", false);

            assertThat(people.findById(orgId, person.id()).orElseThrow().name())
                    .isEqualTo("Ana \uFFFD" + RTL_EMOJI_COMBINING);
        }
    }

    @Test
    void statementExceptionsQuoteNeitherBoundArgumentsNorTheFailingRow() {
        try (Database database = TestDatabase.fresh()) {
            long orgId = database.jdbi()
                    .onDemand(OrganisationDao.class)
                    .upsertSlack("T2", "Acme")
                    .id();

            Throwable failure = catchThrowable(() -> database.jdbi()
                    .useHandle(handle -> handle.execute(
                            "INSERT INTO company_values (org_id, tag, name) VALUES (?, ?, ?)",
                            orgId,
                            "ZQX-MARKER-TAG",
                            "ZQX-MARKER-NAME")));

            assertThat(failure).isInstanceOf(StatementException.class);
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain("ZQX-MARKER");
            }
            assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("23514");
        }
    }
}
