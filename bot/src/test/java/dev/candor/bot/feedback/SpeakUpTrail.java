package dev.candor.bot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads every row of every table of the database (each row cast to text, so that no table or column is forgotten,
 * including ones added later) and checks that nothing links someone who spoke up to what they wrote.
 */
public final class SpeakUpTrail {
    /** Where a person and their platform account belong: the directory and their chat with Candor. */
    private static final Set<String> DIRECTORY = Set.of("people", "platform_identities", "conversation_refs");

    private SpeakUpTrail() {}

    /** One row of a table, as PostgreSQL writes the row as text. */
    public record Row(String table, String text) {}

    public static List<Row> rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            List<String> tables = handle.select(
                            """
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
                            """)
                    .mapTo(String.class)
                    .list();
            List<Row> rows = new ArrayList<>();
            for (String table : tables) {
                handle.select("SELECT t::text FROM public.\"" + table.replace("\"", "\"\"") + "\" t")
                        .mapTo(String.class)
                        .forEach(text -> rows.add(new Row(table, text)));
            }
            return rows;
        });
    }

    /**
     * Asserts that no row naming the author (their person id, as a whole number, or any of their {@code accounts}:
     * platform user ids, their chat with Candor) also holds a speak-up thread's id or any text of {@code texts}; that
     * the author appears only in the directory, their chat with Candor and the outbox's pacing of sends to them (a
     * time, shared by everything sent to them); that no notice of a reply to them is left in the outbox once
     * delivered; and that speak up's tables keep no time.
     */
    public static void assertNoLink(Jdbi jdbi, long authorId, List<String> accounts, List<String> texts) {
        List<String> marks = new ArrayList<>(texts);
        marks.addAll(jdbi.withHandle(handle -> handle.select("SELECT id::text FROM speakup_threads")
                .mapTo(String.class)
                .list()));
        assertThat(marks).as("the threads to look for").hasSizeGreaterThan(texts.size());
        StringBuilder anyName = new StringBuilder("(?<![0-9A-Za-z])" + authorId + "(?![0-9A-Za-z])");
        accounts.forEach(account -> anyName.append('|').append(Pattern.quote(account)));
        Pattern author = Pattern.compile(anyName.toString());
        for (Row row : rows(jdbi)) {
            boolean names = author.matcher(row.text()).find();
            boolean holds = marks.stream().anyMatch(row.text()::contains);
            assertThat(names && holds)
                    .as("%s links the author to what they wrote: %s", row.table(), row.text())
                    .isFalse();
            if (names) {
                assertThat(DIRECTORY.contains(row.table()) || row.table().equals("delivery_pacing"))
                        .as("%s names the author: %s", row.table(), row.text())
                        .isTrue();
            }
            assertThat(row.table().equals("outbox") && row.text().contains("speakup:notice:"))
                    .as("a delivered notice is still in the outbox: %s", row.text())
                    .isFalse();
        }
        List<String> timed = jdbi.withHandle(handle -> handle.select(
                        """
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name LIKE 'speakup%'
                          AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time', 'interval')
                               OR column_default LIKE 'nextval%')
                        """)
                .mapTo(String.class)
                .list());
        assertThat(timed)
                .as("speak up keeps no time and no counter across threads")
                .isEmpty();
    }
}
