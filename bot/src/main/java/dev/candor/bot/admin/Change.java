package dev.candor.bot.admin;

import java.util.List;

/**
 * What an administrative command did, for the answer to HR.
 *
 * @param before the setting before, as readable text; null when there was nothing (a new value)
 * @param after the setting now; null when it is gone (a removed value)
 * @param undo admin commands (without the {@code /candor admin} prefix) that put it back
 * @param changed false when the setting already was what HR asked for: nothing was written
 * @param note something HR should know about the new setting, or null
 */
record Change(String label, String before, String after, List<String> undo, boolean changed, String note) {

    Change {
        undo = List.copyOf(undo);
    }

    Change withNote(String newNote) {
        return new Change(label, before, after, undo, changed, newNote);
    }
}
