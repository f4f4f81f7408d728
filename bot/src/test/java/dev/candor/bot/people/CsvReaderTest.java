package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsCommasDoubledQuotesAndLineBreaksInsideQuotes() {
        CsvReader.Result result = CsvReader.read("a,\"Doe, Jane\",\"say \"\"hi\"\"\",\"two\nlines\"\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.records())
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "Doe, Jane", "say \"hi\"", "two\nlines"));
    }

    @Test
    void dropsNulAndReplacesLoneSurrogatesThatPostgresCannotStore() {
        CsvReader.Result result = CsvReader.read("an\u0000a@acme.test,\"Ana \uD83D\u202Bשלום\u202C 👋🏽\"\n");

        assertThat(result.records())
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("ana@acme.test", "Ana \uFFFD\u202Bשלום\u202C 👋🏽"));
    }

    @Test
    void numbersRecordsByThePhysicalLineTheyStartOn() {
        CsvReader.Result result = CsvReader.read("h1,h2\n\"x\ny\nz\",1\n\nlast,2");

        assertThat(result.records()).extracting(CsvRecord::line).containsExactly(1, 2, 5, 6);
        assertThat(result.records().get(2).isBlank()).isTrue();
    }

    @Test
    void treatsCrLfAndLoneCrAsLineBreaks() {
        CsvReader.Result result = CsvReader.read("a,b\r\nc,d\re,f\r\n");

        assertThat(result.records())
                .extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
        assertThat(result.records()).extracting(CsvRecord::line).containsExactly(1, 2, 3);
    }

    @Test
    void keepsEmptyFieldsIncludingTheLast() {
        CsvReader.Result result = CsvReader.read("a,,\"\",\n");

        assertThat(result.records().get(0).fields()).containsExactly("a", "", "", "");
    }

    @Test
    void acceptsBlanksAroundAQuotedValue() {
        CsvReader.Result result = CsvReader.read("a, \"b, c\" ,d");

        assertThat(result.problems()).isEmpty();
        assertThat(result.records().get(0).fields()).containsExactly("a", "b, c", "d");
    }

    @Test
    void reportsAnUnclosedQuoteOnTheLineItOpens() {
        CsvReader.Result result = CsvReader.read("h\nok\n\"never closed\nmore\n");

        assertThat(result.problems())
                .extracting(ImportProblem::line, ImportProblem::message)
                .containsExactly(
                        tuple(
                                3,
                                "a quoted value is not closed (a \" is missing), so the rest of the file was read as part of it"));
    }

    @Test
    void reportsQuotesInsideUnquotedValuesAndTextAfterClosingQuotes() {
        CsvReader.Result result = CsvReader.read("h\nsay \"hi\"\n\"a\"b,c\n");

        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(2, 3);
        assertThat(result.records().get(1).fields()).containsExactly("say \"hi\"");
        assertThat(result.records().get(2).fields()).containsExactly("ab", "c");
    }
}
