package dev.candor.storage.feedback;

import dev.candor.storage.DbEnum;

/** Whether the subject of a 360 (feedback a manager asks about a report) reads the answers too, and how. */
public enum SubjectSees implements DbEnum {
    /** Each answer as it comes, with the answerer's name, as the manager does. */
    NAMED,
    /** All answers at once without names, in random order, when the request closes, from three answers. */
    ANONYMOUS,
    /** Not at all: the manager alone reads them. */
    NONE
}
