package dev.candor.bot.people;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, records by CRLF, LF or CR; a quoted field may hold commas,
 * line breaks and doubled quotes. Malformed input is reported per record and reading goes on, so one run shows
 * every problem in the file.
 */
final class CsvReader {
    private final String text;
    private final List<CsvRecord> records = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private int position;
    private int line = 1;
    private int recordLine;

    /** What was read, and what was wrong with it. */
    record Result(List<CsvRecord> records, List<ImportProblem> problems) {}

    private CsvReader(String text) {
        this.text = text;
    }

    static Result read(String text) {
        CsvReader reader = new CsvReader(text);
        while (reader.position < text.length()) {
            reader.readRecord();
        }
        return new Result(List.copyOf(reader.records), List.copyOf(reader.problems));
    }

    private void readRecord() {
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(quoteFollows() ? quotedField() : plainField());
            if (atEnd()) {
                break;
            }
            if (text.charAt(position) == ',') {
                position++;
            } else {
                skipLineBreak();
                break;
            }
        }
        records.add(new CsvRecord(recordLine, List.copyOf(fields)));
    }

    /** Spreadsheet users write {@code a, "b, c"}: a quote after blanks still opens a quoted field. */
    private boolean quoteFollows() {
        int next = position;
        while (next < text.length() && isBlank(text.charAt(next))) {
            next++;
        }
        if (next < text.length() && text.charAt(next) == '"') {
            position = next;
            return true;
        }
        return false;
    }

    private String plainField() {
        StringBuilder field = new StringBuilder();
        boolean straySeen = false;
        while (!atEnd() && !atFieldEnd()) {
            char c = text.charAt(position++);
            if (c == '"' && !straySeen) {
                straySeen = true;
                problem("a quote (\") inside an unquoted value; put the whole value in quotes and double the quote");
            }
            field.append(c);
        }
        return field.toString();
    }

    private String quotedField() {
        StringBuilder field = new StringBuilder();
        position++;
        while (!atEnd()) {
            char c = text.charAt(position);
            if (c == '"' && position + 1 < text.length() && text.charAt(position + 1) == '"') {
                field.append('"');
                position += 2;
            } else if (c == '"') {
                position++;
                return field.append(afterClosingQuote()).toString();
            } else if (c == '\r' || c == '\n') {
                skipLineBreak();
                field.append('\n');
            } else {
                field.append(c);
                position++;
            }
        }
        problem("a quoted value is not closed (a \" is missing), so the rest of the file was read as part of it");
        return field.toString();
    }

    /** Blanks may follow a closing quote; anything else is kept, but reported. */
    private String afterClosingQuote() {
        String rest = plainRest();
        if (!rest.isBlank()) {
            problem("text after the closing quote of a value; put the whole value in quotes");
            return rest;
        }
        return "";
    }

    private String plainRest() {
        int start = position;
        while (!atEnd() && !atFieldEnd()) {
            position++;
        }
        return text.substring(start, position);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private boolean atFieldEnd() {
        char c = text.charAt(position);
        return c == ',' || c == '\r' || c == '\n';
    }

    private void skipLineBreak() {
        if (text.charAt(position) == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
            position++;
        }
        position++;
        line++;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private void problem(String message) {
        problems.add(new ImportProblem(recordLine, message));
    }
}
