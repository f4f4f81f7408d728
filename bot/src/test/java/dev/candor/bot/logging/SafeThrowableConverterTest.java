package dev.candor.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.server.BadRequest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SafeThrowableConverterTest {

    @Test
    void namesTheCauseChainAndSqlStateWithoutAnyMessage() {
        var failure = new IllegalStateException(
                "wrapped ZQX text", new SQLException("invalid input syntax for type json: \"ZQX\"", "22P02"));

        String line = SafeThrowableConverter.describe(failure);

        assertThat(line)
                .startsWith("IllegalStateException <- SQLException[22P02] at ")
                .contains(
                        "dev.candor.bot.logging.SafeThrowableConverterTest.namesTheCauseChainAndSqlStateWithoutAnyMessage(")
                .doesNotContain("ZQX")
                .doesNotContain("\n");
    }

    @Test
    void keepsTheMessageOfCandorsOwnIdsOnlyExceptions() {
        String line = SafeThrowableConverter.describe(BadRequest.malformed("Slack payload without team_id"));

        assertThat(line).startsWith("BadRequest(Slack payload without team_id)");
    }
}
