package dev.candor.bot.pulse;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.pulse.Survey;
import java.util.List;

/** What {@code /pulse} says: help, refusals, confirmations of every action, and the choice when a name is unclear. */
final class PulseMessages {
    static final String EDIT = "pulse.edit";

    private PulseMessages() {}

    static Message help(Platform platform) {
        String pulse = Syntax.command(platform, "pulse");
        String text = String.join(
                "\n",
                pulse + " — create a survey: settings, questions, a preview, then launch (HR admins)",
                pulse + " list — every survey with its state, schedule, audience and latest answer rate",
                pulse + " pause NAME — no new rounds and no reminders until resumed",
                pulse + " resume NAME — rounds and reminders again",
                pulse + " close NAME — end it: open rounds end, nobody is asked again",
                pulse + " results [NAME] — answer rate, charts, eNPS, trend, breakdowns and comments (HR; managers"
                        + " see their own organisation)",
                pulse + " export [NAME] — a CSV of the aggregated results, as a link in a DM (HR admins)",
                pulse + " help — this list");
        return new Message(
                text,
                List.of(
                        new Block.Header("Pulse surveys"),
                        new Block.Section(Text.of(text)),
                        new Block.Context(Text.of("NAME is any words of the survey's name, e.g. " + pulse
                                + " pause december. Surveys are anonymous unless HR makes one named."))));
    }

    static Message notHr(List<String> hrAdmins) {
        String who = hrAdmins.isEmpty()
                ? "Ask whoever runs Candor to make someone an HR admin."
                : "Here that is " + String.join(", ", hrAdmins) + ": ask them if you'd like a survey.";
        return Message.of("Pulse surveys are created and run by HR admins. " + who);
    }

    static Message gone(Platform platform) {
        return Message.of("That survey is gone, or it was launched already: see " + pulse(platform, "list") + ".");
    }

    static Message draftKept(Platform platform, Survey survey) {
        return Message.of("💾 \"" + survey.name() + "\" is kept as a draft; nobody has been asked. Open it again from "
                + pulse(platform, "list") + ".");
    }

    static Message launched(Platform platform, Survey survey, int now, int later, int skipped) {
        StringBuilder text = new StringBuilder("🚀 \"" + survey.name() + "\" launched: " + people(now) + " asked now");
        if (later > 0) {
            text.append(", ").append(people(later)).append(" at their next working morning");
        }
        if (skipped > 0) {
            text.append("; ").append(people(skipped)).append(" not asked (away or unreachable)");
        }
        text.append(". ")
                .append(anonymity(survey))
                .append(" See ")
                .append(pulse(platform, "list"))
                .append(" for the answer rate.");
        return Message.of(text.toString());
    }

    static Message scheduled(Platform platform, Survey survey, int people, String when) {
        return Message.of("🚀 \"" + survey.name() + "\" launched: it asks " + people(people) + " (as of today) " + when
                + ". " + anonymity(survey) + " " + pulse(platform, "pause " + survey.name())
                + " stops it for a while.");
    }

    static Message emptyAudience(String audience) {
        return Message.of("Nobody would be asked: " + audience + " has no active people in the directory. Choose "
                + "another audience under \"Edit the settings\", or ask HR to import the directory.");
    }

    static Message channelUnlisted() {
        return Message.of("Candor can't list the members of the survey's channel right now, so nothing was sent:"
                + " invite Candor to the channel and try again, or choose another audience.");
    }

    static Message paused(Platform platform, Survey survey, int held) {
        return Message.of("⏸ \"" + survey.name() + "\" is paused: no new rounds"
                + (held > 0 ? ", and the " + people(held) + " still to answer get no reminders" : "")
                + ". " + pulse(platform, "resume " + survey.name()) + " starts it again.");
    }

    static Message resumed(Survey survey, String when) {
        return Message.of("▶️ \"" + survey.name() + "\" runs again: " + when + ", with reminders as planned.");
    }

    static Message closed(Survey survey, int rounds) {
        return Message.of("⏹ \"" + survey.name() + "\" is closed"
                + (rounds > 0 ? ": its open round ended, keeping the answers given" : "")
                + ". Nobody will be asked again.");
    }

    static Message cannot(Platform platform, Survey survey, String verb, String why) {
        return Message.of("Can't " + verb + " \"" + survey.name() + "\": " + why + ". " + pulse(platform, "list")
                + " shows each survey's state.");
    }

    /** No survey, or several, match the words typed: the names to choose from. */
    static Message choose(Platform platform, String verb, String words, List<Survey> candidates) {
        if (candidates.isEmpty()) {
            return Message.of((words.isEmpty() ? "Say which survey: " : "No survey matches \"" + words + "\": ")
                    + "type " + pulse(platform, verb) + " and words of its name. " + pulse(platform, "list")
                    + " shows them all.");
        }
        List<String> names =
                candidates.stream().map(survey -> "• " + survey.name()).toList();
        return Message.of(
                "Which survey? Type " + pulse(platform, verb) + " and more of its name:\n" + String.join("\n", names));
    }

    /** "/pulse list" in Slack, "@Candor pulse list" in Teams. */
    static String pulse(Platform platform, String words) {
        return Syntax.command(platform, "pulse") + " " + words;
    }

    private static String anonymity(Survey survey) {
        return survey.anonymous()
                ? "Anonymous: results show only for groups of at least " + survey.minGroup() + "."
                : "Named: you'll see who answered what.";
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }
}
