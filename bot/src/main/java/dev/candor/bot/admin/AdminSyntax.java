package dev.candor.bot.admin;

import dev.candor.bot.chat.Syntax;
import dev.candor.storage.Platform;

/** Every administrative command: how to type it and an example, shown in the overview and with mistakes. */
enum AdminSyntax {
    VALUES("values", "values", "list the company values"),
    VALUES_ADD(
            "values add <tag> <:emoji:> <Name> — <description>",
            "values add ownership :muscle: Ownership — we own outcomes",
            "add or change a value (emoji and description are optional)"),
    VALUES_REMOVE("values remove <tag>", "values remove ownership", "remove a value"),
    VALUES_REQUIRE("values require on|off", "values require on", "whether every kudos must tag a value"),
    ALLOWANCE("allowance <number> per day|week|month", "allowance 10 per week", "how many kudos each person gives"),
    HR_EXEMPT("allowance hr-exempt on|off", "allowance hr-exempt on", "HR admins give without a limit"),
    KUDOS_CHANNEL("kudos-channel #channel|here|off", "kudos-channel #kudos", "where recognition is posted"),
    DIGEST(
            "digest <weekday> <HH:MM> | digest on|off",
            "digest friday 16:00",
            "the weekly recognition digest, in the organisation's time zone"),
    TIMEZONE("timezone <Area/City>", "timezone Europe/Berlin", "the organisation's time zone"),
    REACTION_EMOJI("reaction-emoji :emoji:", "reaction-emoji :raised_hands:", "the reaction that gives kudos in Slack"),
    MIN_LENGTH("min-length <0–500>", "min-length 20", "the fewest characters a kudos must say"),
    GAP_WEEKS("gap-weeks <1–52>", "gap-weeks 4", "managers hear about reports without kudos for this many weeks"),
    WORKING_DAYS(
            "working-days <days, e.g. mon,tue,wed,thu,fri>",
            "working-days mon,tue,wed,thu,fri",
            "the days people may be asked things (check-ins, surveys), in their own time zone"),
    QUIET_HOURS(
            "quiet-hours <HH:MM>-<HH:MM>",
            "quiet-hours 20:00-08:00",
            "nobody is asked things in these hours of their own day; asks wait for the end of them"),
    AUDIT("audit", "audit", "the last 10 changes");

    private final String syntax;
    private final String example;
    private final String what;

    AdminSyntax(String syntax, String example, String what) {
        this.syntax = syntax;
        this.example = example;
        this.what = what;
    }

    /** {@code /candor admin allowance <number> per day|week|month}, as typed on the platform. */
    String syntax(Platform platform) {
        return prefix(platform) + platformSyntax(platform);
    }

    String example(Platform platform) {
        return prefix(platform) + platformExample(platform);
    }

    String what() {
        return what;
    }

    /** Teams has no channel links in messages to a bot: there HR types the command in the channel itself. */
    private String platformSyntax(Platform platform) {
        return this == KUDOS_CHANNEL && platform == Platform.TEAMS ? "kudos-channel here|off" : syntax;
    }

    private String platformExample(Platform platform) {
        return this == KUDOS_CHANNEL && platform == Platform.TEAMS ? "kudos-channel here" : example;
    }

    /** {@code /candor admin } or {@code @Candor admin }. */
    static String prefix(Platform platform) {
        return platform == Platform.SLACK ? Syntax.command(platform, "candor") + " admin " : "@Candor admin ";
    }
}
