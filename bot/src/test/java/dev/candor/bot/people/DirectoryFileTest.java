package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileTest {
    private static final String HEADER = ImportFixture.HEADER;
    private static final String HEADER_HELP = ImportFixture.HEADER_HELP;

    @Test
    void readsColumnsInAnyOrderAndCase() {
        DirectoryFile.Contents contents =
                DirectoryFile.parse(" Name ,EMAIL,role,Manager_Email,timezone,department,teams_user_id,slack_user_id\n"
                        + "Ana,ana@example.com,Manager,,Europe/Lisbon,Sales,,U1\n");

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.rows()).singleElement().satisfies(row -> {
            assertThat(row.email()).isEqualTo("ana@example.com");
            assertThat(row.name()).isEqualTo("Ana");
            assertThat(row.role()).isEqualTo("Manager");
            assertThat(row.department()).isEqualTo("Sales");
            assertThat(row.slackUserId()).isEqualTo("U1");
        });
    }

    @Test
    void readsTheOptionalColumnsInAnyPositionAndLeavesAbsentOnesNull() {
        DirectoryFile.Contents both = DirectoryFile.parse("Start_Date,email,name,manager_email,department, location ,"
                + "timezone,role,slack_user_id,teams_user_id\n 2024-03-18 ,ana@example.com,Ana,,, Berlin ,,,,\n");
        DirectoryFile.Contents onlyLocation = DirectoryFile.parse(HEADER + ",location\nana@example.com,Ana,,,,,,,\n");

        assertThat(both.problems()).isEmpty();
        assertThat(both.rows())
                .extracting(DirectoryRow::location, DirectoryRow::startDate)
                .containsExactly(tuple("Berlin", "2024-03-18"));
        assertThat(onlyLocation.problems()).isEmpty();
        assertThat(onlyLocation.rows())
                .extracting(DirectoryRow::location, DirectoryRow::startDate)
                .containsExactly(tuple("", null));
    }

    @Test
    void namesMissingAndUnknownColumns() {
        DirectoryFile.Contents contents = DirectoryFile.parse("email,name,manager,department,timezone,role\n");

        assertThat(contents.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 1: missing columns manager_email, slack_user_id, teams_user_id; the header must be "
                                + HEADER_HELP,
                        "line 1: unknown column manager; the header must be " + HEADER_HELP);
    }

    @Test
    void namesRepeatedColumns() {
        DirectoryFile.Contents contents = DirectoryFile.parse(HEADER + ",email\n");

        assertThat(contents.problems())
                .extracting(ImportProblem::message)
                .containsExactly("repeated column email; the header must be " + HEADER_HELP);
    }

    @Test
    void reportsAnEmptyFile() {
        assertThat(DirectoryFile.parse("\n\n").problems())
                .extracting(ImportProblem::line)
                .containsExactly(1);
    }

    @Test
    void skipsBlankLinesAndEmptySpreadsheetRows() {
        DirectoryFile.Contents contents =
                DirectoryFile.parse(HEADER + "\n\n,,,,,,,\na@example.com,A,,,,,,\n   \nb@example.com,B,,,,,,\n");

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.rows()).extracting(DirectoryRow::line).containsExactly(4, 6);
    }

    @Test
    void reportsRowsWithTheWrongNumberOfValues() {
        DirectoryFile.Contents contents =
                DirectoryFile.parse(HEADER + "\na@example.com,Doe, Jane,,,,,,\nb@example.com,B\n");

        assertThat(contents.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 2: 9 values but the header has 8 columns (is a value with a comma missing its quotes?)",
                        "line 3: 2 values but the header has 8 columns (is a value with a comma missing its quotes?)");
    }

    @Test
    void readsUtf8WithByteOrderMarkAndCrLf(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("people.csv");
        Files.write(
                file,
                ("\uFEFF" + HEADER + "\r\nzoë@example.com,Zoë Ångström,,,,,,\r\n").getBytes(StandardCharsets.UTF_8));

        DirectoryFile.Contents contents = DirectoryFile.read(file);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.rows()).extracting(DirectoryRow::name).containsExactly("Zoë Ångström");
    }

    @Test
    void refusesAFileThatIsNotUtf8(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("legacy.csv");
        Files.write(file, (HEADER + "\nzoe@example.com,Zoë,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(DirectoryFile.read(file).problems())
                .extracting(ImportProblem::toString)
                .containsExactly("legacy.csv is not UTF-8 text; save it as \"CSV UTF-8\"");
    }

    @Test
    void reportsAMissingFile(@TempDir Path folder) {
        assertThat(DirectoryFile.read(folder.resolve("nope.csv")).problems())
                .extracting(ImportProblem::message)
                .singleElement()
                .asString()
                .startsWith("file not found: ");
    }
}
