package dev.candor.scheduler.ask;

import java.util.List;

/**
 * One question of a questionnaire. Its {@code id} is stable across versions (answers are keyed by it) and is the
 * form input's id; {@code prompt} is what the person reads.
 */
public sealed interface Question
        permits Question.Scale,
                Question.Nps,
                Question.Choice,
                Question.Text,
                Question.Mood,
                Question.YesNo,
                Question.Goals {

    String id();

    String prompt();

    boolean required();

    /** The type's name in JSON and in messages: {@code scale}, {@code nps}, … */
    String type();

    /** 1 to 5, with a word at each end ("Not at all" … "Completely"). */
    record Scale(String id, String prompt, boolean required, String minLabel, String maxLabel) implements Question {
        public static final int MIN = 1;
        public static final int MAX = 5;

        @Override
        public String type() {
            return "scale";
        }
    }

    /** 0 to 10: how likely one is to recommend something. */
    record Nps(String id, String prompt, boolean required) implements Question {
        public static final int MIN = 0;
        public static final int MAX = 10;
        public static final String MIN_LABEL = "Not at all likely";
        public static final String MAX_LABEL = "Extremely likely";

        @Override
        public String type() {
            return "nps";
        }
    }

    /** One, or several when {@code multiple}, of 2 to 10 options. */
    record Choice(String id, String prompt, boolean required, List<String> options, boolean multiple)
            implements Question {
        public static final int MIN_OPTIONS = 2;
        public static final int MAX_OPTIONS = 10;

        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "choice";
        }
    }

    /** Free text, on one line or several ({@code multiline}), up to {@code maxLength} characters. */
    record Text(String id, String prompt, boolean required, boolean multiline, int maxLength) implements Question {
        /** Slack's limit for a text input, and more than enough for a chat answer. */
        public static final int LONGEST = 3000;

        @Override
        public String type() {
            return "text";
        }
    }

    /** Five faces from awful (1) to great (5). */
    record Mood(String id, String prompt, boolean required) implements Question {
        public static final int MIN = 1;
        public static final int MAX = 5;

        @Override
        public String type() {
            return "mood";
        }
    }

    /** Yes or no. */
    record YesNo(String id, String prompt, boolean required) implements Question {
        @Override
        public String type() {
            return "yes_no";
        }
    }

    /**
     * The answering person's own goals, each with a new value and status: a check-in's goal-progress question. Its
     * inputs are one value and one status per goal ({@link #valueId}, {@link #statusId}), listed for the person when
     * the form opens; its answer is an {@link Answers.Value.Progress}. A person without goals has nothing to answer,
     * so it is never required.
     */
    record Goals(String id, String prompt) implements Question {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public String type() {
            return "goals";
        }

        /** The input of one item's new value. */
        public String valueId(String item) {
            return id + "." + item;
        }

        /** The input of one item's new status. */
        public String statusId(String item) {
            return id + "." + item + ".status";
        }
    }
}
