package dev.candor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parsesHerokuStyleUrlWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://candor:s%40cret@db.example.com:6543/feedback?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/feedback?sslmode=require");
        assertThat(url.user()).isEqualTo("candor");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/candor?user=a&password=b");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/candor?user=a&password=b");
        assertThat(url.user()).isNull();
    }

    @Test
    void neverShowsThePasswordWhenDescribed() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/candor?user=a&password=b")
                        .describe())
                .doesNotContain("=b")
                .contains("password=***");
        assertThat(DatabaseUrl.parse("postgres://u:secret@h/db").toString()).doesNotContain("secret");
    }

    @Test
    void rejectsOtherSchemesAndMissingDatabase() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db")).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h")).hasMessageContaining("database name");
    }
}
