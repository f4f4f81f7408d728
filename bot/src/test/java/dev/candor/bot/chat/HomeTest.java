package dev.candor.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The home is the features' sections in the order they were registered, divided, within Slack's 100 blocks. */
class HomeTest {
    private static final Actor ANA =
            new Actor(1, "T0ACME", 7, Platform.SLACK, "U0ANA", "Ana", Role.EMPLOYEE, ZoneId.of("UTC"), Locale.ENGLISH);
    private static final ConversationRef HOME = new ConversationRef(Platform.SLACK, "D0ANA", null, null);

    @Test
    void showsTheSectionsInTheOrderTheyWereRegisteredWithADividerBetweenTwo() {
        Message home = new Home(List.of(section("recognition"), section("asks"))).compose(ANA);

        assertThat(home.blocks())
                .containsExactly(
                        header("recognition"), line("recognition"), new Block.Divider(), header("asks"), line("asks"));
    }

    @Test
    void aSectionIsShownForThePersonWhoOpenedTheHome() {
        HomeSection greeting = actor -> List.of(new Block.Section(Text.of("Hi " + actor.name())));

        Reply reply = ConversationRouter.builder(command -> Reply.none())
                .homeSection(greeting)
                .build()
                .route(new HomeOpened(ANA, HOME));

        assertThat(((Reply.Home) reply).message().blocks()).containsExactly(new Block.Section(Text.of("Hi Ana")));
    }

    @Test
    void leavesOutSectionsWithNothingToShow() {
        Message home = new Home(List.of(actor -> List.of(), section("asks"))).compose(ANA);

        assertThat(home.blocks()).containsExactly(header("asks"), line("asks"));
    }

    @Test
    void aHomeWithNothingToShowIsNotPublished() {
        Reply reply = new Home(List.of(actor -> List.of())).handle(new HomeOpened(ANA, HOME));

        assertThat(reply).isEqualTo(Reply.none());
    }

    @Test
    void leavesOutWholeTheSectionsThatWouldGoPastSlacksLimit() {
        HomeSection big = actor -> Collections.nCopies(99, line("big"));

        Message home = new Home(List.of(section("first"), big, section("last"))).compose(ANA);

        assertThat(home.blocks()).containsExactly(header("first"), line("first"));
        assertThat(new Home(List.of(big, big)).compose(ANA).blocks()).hasSize(99);
    }

    private static HomeSection section(String name) {
        return actor -> List.of(header(name), line(name));
    }

    private static Block header(String name) {
        return new Block.Header(name);
    }

    private static Block line(String name) {
        return new Block.Section(Text.of("about " + name));
    }
}
