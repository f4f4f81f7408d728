package dev.candor.bot.pulse.results;

import dev.candor.storage.pulse.results.CellCount;

/** One group of one breakdown, e.g. the department "Sales". */
record Group(Breakdown breakdown, String name) {

    boolean contains(CellCount cell) {
        return name.equals(breakdown.groupOf(cell));
    }
}
