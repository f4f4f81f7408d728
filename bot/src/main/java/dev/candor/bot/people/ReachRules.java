package dev.candor.bot.people;

import dev.candor.bot.people.Unreachable.Reason;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ReachFacts;
import java.util.Optional;
import java.util.Set;

/** What the facts about one person mean on each platform, and what to tell the organisation. */
final class ReachRules {
    /** {@code conversations.open} errors that mean the account is switched off. */
    private static final Set<String> SLACK_DEACTIVATED = Set.of("user_disabled", "account_inactive");

    private static final String DEACTIVATED_FIX =
            "Take them off the list, or reactivate them (a directory import with them in it does).";
    private static final String INSTALL_FIX = "Install Candor in a team they belong to, or for everyone in the Teams"
            + " admin center (Manage apps → Candor → install, or an app setup policy).";

    private ReachRules() {}

    static Optional<Unreachable> slack(ReachFacts person) {
        if (!person.active()) {
            return verdict(
                    person, Platform.SLACK, Reason.DEACTIVATED, "Their Slack account is deactivated.", DEACTIVATED_FIX);
        }
        if (person.platformUserId() == null) {
            return verdict(
                    person,
                    Platform.SLACK,
                    Reason.NO_ACCOUNT,
                    "Candor doesn't know their Slack account.",
                    "Import the directory with their slack_user_id, or with the email of their Slack profile and"
                            + " have them use Candor once.");
        }
        if (person.failure() == null) {
            return Optional.empty();
        }
        if (SLACK_DEACTIVATED.contains(person.failure())) {
            return verdict(
                    person,
                    Platform.SLACK,
                    Reason.DEACTIVATED,
                    "Slack says their account is deactivated.",
                    DEACTIVATED_FIX);
        }
        return verdict(
                person,
                Platform.SLACK,
                Reason.CHAT_REFUSED,
                "Slack won't open a direct message with them (" + person.failure() + ").",
                "Check their slack_user_id in the directory, and that Candor's app may message them.");
    }

    /** @param introduced Candor knows where the tenant's Bot Connector is: it heard from the tenant */
    static Optional<Unreachable> teams(ReachFacts person, boolean introduced) {
        if (!person.active()) {
            return verdict(
                    person,
                    Platform.TEAMS,
                    Reason.DEACTIVATED,
                    "They are deactivated in Candor's directory.",
                    DEACTIVATED_FIX);
        }
        if (person.hasDm()) {
            // A chat Candor has (they wrote to it, or installed it for themselves since a refusal) always works.
            return Optional.empty();
        }
        if ("not_installed_for_user".equals(person.failure())) {
            return verdict(
                    person,
                    Platform.TEAMS,
                    Reason.CHAT_REFUSED,
                    "Teams won't let Candor message them: Candor isn't installed for them or in a team of theirs.",
                    INSTALL_FIX);
        }
        if (person.failure() != null) {
            return verdict(
                    person,
                    Platform.TEAMS,
                    Reason.CHAT_REFUSED,
                    "Teams won't open a chat with them (" + person.failure() + ").",
                    "Check their teams_user_id (Azure AD object id) in the directory.");
        }
        if (person.platformUserId() == null && !person.inRoster()) {
            return verdict(
                    person,
                    Platform.TEAMS,
                    Reason.NO_ACCOUNT,
                    "Candor doesn't know their Teams account, and they aren't in any team Candor is installed in.",
                    INSTALL_FIX + " Or import the directory with their teams_user_id (Azure AD object id).");
        }
        if (!person.inRoster() && !introduced) {
            return verdict(
                    person,
                    Platform.TEAMS,
                    Reason.NOT_INTRODUCED,
                    "Candor hasn't heard from your Teams organisation yet, so it has nowhere to message them.",
                    INSTALL_FIX);
        }
        return Optional.empty();
    }

    /** Of two platforms' verdicts, the one about an account Candor knows says more. */
    static Unreachable moreTelling(Unreachable first, Unreachable second) {
        return first.reason() == Reason.NO_ACCOUNT && second.reason() != Reason.NO_ACCOUNT ? second : first;
    }

    private static Optional<Unreachable> verdict(
            ReachFacts person, Platform platform, Reason reason, String explanation, String fix) {
        return Optional.of(new Unreachable(person.personId(), person.name(), platform, reason, explanation, fix));
    }
}
