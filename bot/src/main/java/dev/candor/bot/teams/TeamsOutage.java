package dev.candor.bot.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a Teams turn that failed because the database could not be reached: the person is told at once whether
 * anything was saved, the way the activity expects an answer (a reply, a button's toast, a dialog's message).
 */
final class TeamsOutage {
    private static final Logger log = LoggerFactory.getLogger(TeamsOutage.class);
    private static final String EXECUTE = "adaptiveCard/action";

    private TeamsOutage() {}

    static void answer(TurnContext turn, Throwable error) {
        Activity activity = turn.getActivity();
        Message message = Unavailable.message(error);
        log.warn("database unavailable: {} activity answered that nothing could be saved", activity.getType());
        if (activity.isType(ActivityTypes.INVOKE)) {
            if (EXECUTE.equals(activity.getName())) {
                TeamsResponder.toastToExecute(turn, message.fallbackText());
            } else {
                TeamsResponder.showInDialog(turn, message.fallbackText());
            }
        } else if (activity.isType(ActivityTypes.MESSAGE) || activity.isType(ActivityTypes.MESSAGE_REACTION)) {
            TeamsResponder.reply(turn, TeamsAnswer.Card.of(message));
        }
    }
}
