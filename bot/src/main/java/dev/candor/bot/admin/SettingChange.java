package dev.candor.bot.admin;

import dev.candor.storage.kudos.KudosSettings;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A change HR asked for to the organisation's kudos settings.
 *
 * @param action what the audit log calls it: the command words, e.g. {@code allowance}
 * @param label what people call the setting, e.g. {@code Allowance}
 * @param update the settings after the change
 * @param show the setting as readable text, e.g. {@code 5 per day}; compared before and after
 * @param undo the admin commands that restore the setting as it was in the given settings
 */
record SettingChange(
        String action,
        String label,
        UnaryOperator<KudosSettings> update,
        Function<KudosSettings, String> show,
        Function<KudosSettings, List<String>> undo) {}
