package dev.candor.bot.admin;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A change HR asked for to one of the organisation's settings: its kudos settings, or its working time.
 *
 * @param <S> the settings the change applies to
 * @param action what the audit log calls it: the command words, e.g. {@code allowance}
 * @param label what people call the setting, e.g. {@code Allowance}
 * @param update the settings after the change
 * @param show the setting as readable text, e.g. {@code 5 per day}; compared before and after
 * @param undo the admin commands that restore the setting as it was in the given settings
 */
record SettingChange<S>(
        String action,
        String label,
        UnaryOperator<S> update,
        Function<S, String> show,
        Function<S, List<String>> undo) {}
