package dev.candor.bot.people;

import dev.candor.storage.StorableText;
import java.util.List;

/** One CSV record and the physical line it starts on, so problems can point at the right line. */
record CsvRecord(int line, List<String> fields) {

    /** A spreadsheet can hold a NUL or a broken character; PostgreSQL can store neither. */
    CsvRecord {
        fields = fields.stream().map(StorableText::clean).toList();
    }

    /** True for an empty line, and for a row of empty cells as spreadsheets export them. */
    boolean isBlank() {
        return fields.stream().allMatch(String::isBlank);
    }
}
