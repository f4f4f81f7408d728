package dev.candor.bot.people;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a people directory CSV file into rows, or says why it cannot. */
final class DirectoryFile {
    static final List<String> COLUMNS = List.of(
            "email", "name", "manager_email", "department", "timezone", "role", "slack_user_id", "teams_user_id");
    /** Added after files were in use: a file without them still imports, and leaves what they would set alone. */
    static final List<String> OPTIONAL_COLUMNS = List.of("location", "start_date");

    private static final String HEADER = String.join(",", COLUMNS);
    private static final String HEADER_HELP =
            HEADER + " (optionally also " + String.join(", ", OPTIONAL_COLUMNS) + ", in any position)";

    /** The rows of a file and the problems found while reading it. */
    record Contents(List<DirectoryRow> rows, List<ImportProblem> problems) {}

    private DirectoryFile() {}

    static Contents read(Path file) {
        try {
            return parse(decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return failed("file not found: " + file);
        } catch (CharacterCodingException e) {
            return failed(file.getFileName() + " is not UTF-8 text; save it as \"CSV UTF-8\"");
        } catch (IOException e) {
            return failed("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Strict UTF-8: a file saved as Windows-1252 would otherwise import garbled names without a word. */
    private static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static Contents parse(String text) {
        CsvReader.Result csv = CsvReader.read(text);
        List<CsvRecord> records =
                csv.records().stream().filter(record -> !record.isBlank()).toList();
        if (records.isEmpty()) {
            String message = "the file is empty; the first line must be the header " + HEADER_HELP;
            return new Contents(List.of(), List.of(new ImportProblem(1, message)));
        }
        List<ImportProblem> problems = new ArrayList<>(csv.problems());
        Map<String, Integer> columns = new HashMap<>();
        CsvRecord header = records.get(0);
        List<ImportProblem> headerProblems = header(header, columns);
        if (!headerProblems.isEmpty()) {
            // Without a clean header no row can be read for sure; its problems are the ones worth fixing first.
            return new Contents(List.of(), headerProblems);
        }
        List<DirectoryRow> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.fields().size() != header.fields().size()) {
                problems.add(wrongFieldCount(record, header.fields().size()));
            } else {
                rows.add(row(record, columns));
            }
        }
        return new Contents(rows, problems);
    }

    /** Fills {@code columns} with the index of each known column and names what is missing or unknown. */
    private static List<ImportProblem> header(CsvRecord header, Map<String, Integer> columns) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (int index = 0; index < header.fields().size(); index++) {
            String name = header.fields().get(index).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(an empty column name)" : name);
            } else if (columns.putIfAbsent(name, index) != null) {
                repeated.add(name);
            }
        }
        List<String> missing =
                COLUMNS.stream().filter(name -> !columns.containsKey(name)).toList();
        List<ImportProblem> problems = new ArrayList<>();
        addHeaderProblem(problems, header.line(), "missing", missing);
        addHeaderProblem(problems, header.line(), "unknown", unknown);
        addHeaderProblem(problems, header.line(), "repeated", repeated);
        return problems;
    }

    private static void addHeaderProblem(
            List<ImportProblem> problems, int line, String what, Collection<String> names) {
        if (!names.isEmpty()) {
            String message = "%s column%s %s; the header must be %s"
                    .formatted(what, names.size() == 1 ? "" : "s", String.join(", ", names), HEADER_HELP);
            problems.add(new ImportProblem(line, message));
        }
    }

    private static ImportProblem wrongFieldCount(CsvRecord record, int expected) {
        String message = "%d values but the header has %d columns (is a value with a comma missing its quotes?)"
                .formatted(record.fields().size(), expected);
        return new ImportProblem(record.line(), message);
    }

    private static DirectoryRow row(CsvRecord record, Map<String, Integer> columns) {
        return new DirectoryRow(
                record.line(),
                cell(record, columns, "email"),
                cell(record, columns, "name"),
                cell(record, columns, "manager_email"),
                cell(record, columns, "department"),
                cell(record, columns, "timezone"),
                cell(record, columns, "role"),
                cell(record, columns, "slack_user_id"),
                cell(record, columns, "teams_user_id"),
                cell(record, columns, "location"),
                cell(record, columns, "start_date"));
    }

    /** The trimmed cell, or null when the file has no such column (only an optional one can be missing here). */
    private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : record.fields().get(index).strip();
    }

    private static Contents failed(String message) {
        return new Contents(List.of(), List.of(ImportProblem.general(message)));
    }
}
