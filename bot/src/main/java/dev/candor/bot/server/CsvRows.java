package dev.candor.bot.server;

import java.util.Arrays;

/** Rows of a CSV file that spreadsheets open safely: for the exports Candor serves under PUBLIC_URL. */
public final class CsvRows {
    private CsvRows() {}

    /** Appends one row, each cell quoted when needed (null: empty), ended by CRLF. */
    public static void row(StringBuilder csv, String... cells) {
        csv.append(String.join(",", Arrays.stream(cells).map(CsvRows::cell).toList()))
                .append("\r\n");
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so that a spreadsheet doesn't run it as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")
                ? "'" + text
                : text;
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
