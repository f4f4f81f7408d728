package dev.candor.bot.people;

import dev.candor.storage.people.Person;

/** A checked row and the stored person it updates; {@code existing} is null when the row creates someone. */
record DirectoryMatch(DirectoryRow row, Person existing, By by) {

    /** Which of the row's values found the stored person. */
    enum By {
        NOTHING,
        EMAIL,
        SLACK_USER_ID,
        TEAMS_USER_ID
    }

    static DirectoryMatch newPerson(DirectoryRow row) {
        return new DirectoryMatch(row, null, By.NOTHING);
    }

    boolean isNew() {
        return existing == null;
    }

    /** The value that found the stored person, as a problem would quote it: "slack_user_id U024BE7LH". */
    String describeKey() {
        return switch (by) {
            case NOTHING -> "nothing";
            case EMAIL -> "email " + row.email();
            case SLACK_USER_ID -> "slack_user_id " + row.slackUserId();
            case TEAMS_USER_ID -> "teams_user_id " + row.teamsUserId();
        };
    }
}
