package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.User;
import dev.candor.bot.people.ChatStatus;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackStatusTest {

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(
            delimiter = '¦',
            textBlock =
                    """
            :palm_tree:               ¦ ''
            :face_with_thermometer:   ¦ Out sick
            :PALM_TREE:               ¦ ''
            :palm_tree::skin-tone-2:  ¦ ''
            ''                        ¦ Vacationing
            ''                        ¦ on holiday in Crete
            ''                        ¦ HOLIDAYS
            ''                        ¦ Out of office until the 4th
            ''                        ¦ out-of-the-office
            ''                        ¦ OOO
            :airplane:                ¦ ooo, back Monday
            """)
    void countsAsAway(String emoji, String text) {
        assertThat(SlackStatus.isAway(emoji, text)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(
            delimiter = '¦',
            textBlock =
                    """
            :coffee:      ¦ coffee
            :house:       ¦ Working remotely
            :calendar:    ¦ In a meeting
            ''            ¦ Zooming
            ''            ¦ Booked solid
            ''            ¦ Cooking
            ''            ¦ Googling
            ''            ¦ ''
            """)
    void doesNotCountAsAway(String emoji, String text) {
        assertThat(SlackStatus.isAway(emoji, text)).isFalse();
    }

    @ParameterizedTest(name = "expiration {0}")
    @CsvSource({"0", "-1"})
    void aStatusWithoutExpiryLastsUntilItChanges(long expiration) {
        User.Profile profile = new User.Profile();
        profile.setStatusEmoji(":palm_tree:");
        profile.setStatusExpiration(expiration);

        assertThat(SlackStatus.of(profile)).isEqualTo(new ChatStatus(true, null));
    }

    @ParameterizedTest(name = "expiration {0}")
    @CsvSource({"1767225600"})
    void aStatusThatExpiresIsAwayUntilThen(long expiration) {
        User.Profile profile = new User.Profile();
        profile.setStatusText("Vacationing");
        profile.setStatusExpiration(expiration);

        assertThat(SlackStatus.of(profile)).isEqualTo(new ChatStatus(true, Instant.ofEpochSecond(expiration)));
        assertThat(SlackStatus.of(null)).isEqualTo(ChatStatus.PRESENT);
    }
}
