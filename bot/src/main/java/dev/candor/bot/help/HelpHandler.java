package dev.candor.bot.help;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /candor help}, and the answer to every command word no feature handles yet: what Candor can do and
 * how to type it.
 */
public final class HelpHandler implements CommandHandler {
    /** Commands the apps' manifests register whose features are still being built. */
    private static final Set<String> PLANNED = Set.of();

    @Override
    public Reply handle(Command command) {
        Platform platform = command.actor().platform();
        String word = command.name();
        if (PLANNED.contains(word)) {
            return Reply.privately(notYet(platform, word));
        }
        if (word.equals("candor") && (command.verb().isEmpty() || command.verb().equals("help"))) {
            return Reply.privately(help(platform));
        }
        return Reply.privately(unknown(platform, word.equals("candor") ? command.verb() : word));
    }

    public static Message help(Platform platform) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Candor — recognition and feedback in chat"));
        blocks.add(new Block.Fields(List.of(
                field(platform, "kudos", "@person what they did #value — recognise up to 10 people"),
                field(platform, "kudos", "alone — open the kudos form"),
                field(
                        platform,
                        "kudos",
                        "leaderboard [week|month|quarter|year|all] [#value] — top receivers and givers"),
                field(platform, "kudos", "me — what you received and gave, and what you have left to give"),
                field(
                        platform,
                        "feedback",
                        "@person what went well, what could be better — private feedback; alone — the form"),
                field(platform, "feedback", "me [@person] [month] — feedback you received and gave; team — managers"),
                field(
                        platform,
                        "goals",
                        "alone — your goals; add TITLE by YYYY-MM-DD (alone: the form); update WORDS 60% at risk;"
                                + " @person; team"),
                field(
                        platform,
                        "checkin",
                        "alone — your open check-in, or when the next one comes; history — your last five"),
                field(platform, "checkin", "setup | send | remind | team — managers: your team's check-ins"),
                field(
                        platform,
                        "checkin",
                        "1on1 @person every 2 weeks tuesday 10:00 | list | cancel @person — 1:1s;"
                                + " agenda @person what to talk about — a talking point"),
                field(platform, "pulse", "alone | list | pause | resume | close NAME — HR: pulse surveys"),
                field(
                        platform,
                        "candor",
                        "review new | list | status | pause | resume | close | export NAME — HR: review cycles"),
                field(
                        platform,
                        "candor",
                        "plan new @person | list | show ID | ack | comment | note | outcome ID — improvement plans"),
                field(
                        platform,
                        "candor",
                        "away until YYYY-MM-DD — nothing asks you anything (check-ins, surveys) through that day;"
                                + " away off when you're back"),
                field(
                        platform,
                        "candor",
                        "admin — HR settings: values, allowance, kudos channel, digest, working days, quiet hours"),
                field(platform, "candor", "help — this list"))));
        blocks.add(
                new Block.Context(
                        Text.of(
                                platform == Platform.SLACK
                                        ? "React with 👏 to someone's message to give them kudos, or to a recognition post to join it."
                                        : "React with 👍 or ❤️ to a recognition post to join it, or use Give kudos from a message's … menu.")));
        if (!PLANNED.isEmpty()) {
            blocks.add(new Block.Context(Text.of("Coming soon: " + String.join(", ", planned(platform)) + ".")));
        }
        return new Message(
                "Candor commands: " + Syntax.command(platform, "kudos") + " @person what they did #value", blocks);
    }

    private static Block.Field field(Platform platform, String word, String what) {
        return new Block.Field(Syntax.command(platform, word), Text.of(what));
    }

    private static List<String> planned(Platform platform) {
        return PLANNED.stream()
                .sorted()
                .map(word -> Syntax.command(platform, word))
                .toList();
    }

    private static Message notYet(Platform platform, String word) {
        return Message.of(Syntax.command(platform, word) + " isn't available yet — it's coming soon. Meanwhile: "
                + Syntax.command(platform, "kudos") + " @person what they did, or "
                + Syntax.command(platform, "candor") + " help.");
    }

    private static Message unknown(Platform platform, String word) {
        return Message.of("I don't know \"" + word + "\". Type " + Syntax.command(platform, "candor")
                + " help to see what I can do.");
    }
}
