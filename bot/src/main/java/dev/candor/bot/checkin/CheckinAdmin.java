package dev.candor.bot.checkin;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.CheckinAnswerDao;
import dev.candor.storage.checkin.CheckinSettingsDao;
import dev.candor.storage.checkin.SetupRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor admin checkins} (HR admins; the admin handler checks the role): every setup with its owner, size and
 * answer rate over the last four rounds, numbers only; and {@code … checkins visible-to-hr on|off}.
 */
public final class CheckinAdmin implements CommandHandler {
    private final Jdbi jdbi;

    public CheckinAdmin(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Reply handle(Command command) {
        String[] words = command.text().toLowerCase(Locale.ROOT).split("\\s+");
        long orgId = command.actor().orgId();
        Platform platform = command.actor().platform();
        if (words.length >= 3 && words[2].equals("visible-to-hr")) {
            if (words.length != 4 || !(words[3].equals("on") || words[3].equals("off"))) {
                return Reply.privately("Say " + visibleToHr(platform) + " on (or off).");
            }
            boolean on = words[3].equals("on");
            boolean before = jdbi.onDemand(CheckinSettingsDao.class).setHrCanRead(orgId, on);
            return Reply.privately("*Check-in answers visible to HR admins*: " + (before ? "on" : "off") + " → "
                    + (on ? "on" : "off") + ". Undo: " + visibleToHr(platform) + " " + (before ? "on" : "off"));
        }
        return Reply.privately(overview(
                platform,
                jdbi.onDemand(CheckinAnswerDao.class).listRates(orgId),
                jdbi.onDemand(CheckinSettingsDao.class).hrCanRead(orgId)));
    }

    static Message overview(Platform platform, List<SetupRates> setups, boolean hrCanRead) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Check-ins"));
        if (setups.isEmpty()) {
            blocks.add(new Block.Section(Text.of("No check-ins are set up yet.")));
        }
        for (SetupRates setup : setups) {
            blocks.add(new Block.Fields(List.of(
                    new Block.Field(setup.name(), Text.of("Owner: " + setup.ownerName())),
                    new Block.Field("People", Text.of(String.valueOf(setup.size()))),
                    new Block.Field(
                            setup.rounds() == 1
                                    ? "Answered, last round"
                                    : "Answered, last " + setup.rounds() + " rounds",
                            Text.of(
                                    setup.ratePercent() < 0
                                            ? "—"
                                            : setup.ratePercent() + "% (" + setup.answered() + " of " + setup.asked()
                                                    + ")")))));
        }
        blocks.add(new Block.Context(Text.of("Numbers only: answers are never shown here. HR admins "
                + (hrCanRead ? "may" : "may not") + " read answers (" + visibleToHr(platform) + " on|off).")));
        return new Message("Check-ins: " + setups.size(), blocks);
    }

    /**
     * "/candor admin checkins visible-to-hr" in Slack, "@Candor admin checkins visible-to-hr" in Teams: there the
     * admin commands come right after the mention, as the admin overview shows them.
     */
    private static String visibleToHr(Platform platform) {
        String admin = platform == Platform.SLACK ? Syntax.command(platform, "candor") + " admin" : "@Candor admin";
        return admin + " checkins visible-to-hr";
    }
}
