package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Text;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalUpdate;
import dev.candor.storage.goal.GoalVisibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The forms of goals: adding one, and updating one (new value, status, comment). */
final class GoalForms {
    static final String ADD = "goal.add";
    static final String UPDATE = "goal.update";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String OWNERS = "owners";
    static final String DUE = "due";
    static final String MEASURE = "measure";
    static final String START = "start";
    static final String TARGET = "target";
    static final String UNIT = "unit";
    static final String VISIBILITY = "visibility";
    static final String PARENT = "parent";
    static final String COMPANY = "company";
    static final String KEY_RESULTS = "key_results";
    static final String VALUE = "current";
    static final String STATUS = "status";
    static final String COMMENT = "comment";
    static final int TITLE_LENGTH = 200;

    private GoalForms() {}

    /** Adding a goal; {@code parents} are the goals it may contribute to (the person's and their manager's). */
    static Form add(Mention me, GoalCycle cycle, List<Goal> parents, boolean company) {
        List<Form.Input> inputs = new ArrayList<>(List.of(
                new Form.TextInput(TITLE, "Goal", "Ship the billing migration", false, true, null, TITLE_LENGTH),
                new Form.TextInput(
                        DESCRIPTION, "Description", "Why it matters, what done looks like", true, false, null, 2000),
                new Form.PeopleInput(OWNERS, "Owners", Goals.MOST_OWNERS, true, List.of(me)),
                new Form.DateInput(
                        DUE,
                        "Due",
                        false,
                        cycle.endsOn().toString(),
                        "The end of " + cycle.name() + " unless you choose another day."),
                new Form.ChoiceInput(
                        MEASURE,
                        "How is progress measured?",
                        List.of(
                                new Form.Choice(GoalMeasure.PERCENT.dbValue(), "Percent (0 to 100 %)"),
                                new Form.Choice(GoalMeasure.NUMBER.dbValue(), "A number from a start to a target"),
                                new Form.Choice(GoalMeasure.DONE.dbValue(), "Done or not done")),
                        false,
                        true,
                        List.of(GoalMeasure.PERCENT.dbValue())),
                new Form.NumberInput(START, "Start (for a number)", null, null, 2, false, null, null),
                new Form.NumberInput(TARGET, "Target (for a number)", null, null, 2, false, null, null),
                new Form.TextInput(UNIT, "Unit (for a number)", "customers", false, false, null, 40),
                new Form.ChoiceInput(
                        VISIBILITY,
                        "Who sees it?",
                        Arrays.stream(GoalVisibility.values())
                                .map(visibility -> new Form.Choice(visibility.dbValue(), visibilityLabel(visibility)))
                                .toList(),
                        false,
                        true,
                        List.of(GoalVisibility.EVERYONE.dbValue()))));
        inputs.add(new Form.TextInput(
                KEY_RESULTS,
                "Key results (up to " + Goals.MOST_KEY_RESULTS + ", one per line)",
                "Sign 40 enterprise customers from 0 to 40",
                true,
                false,
                null,
                1500,
                "Each line as in /goals add: percent unless from … to …, and by a day for its own due day. They"
                        + " share this goal's owners and who sees it; its progress is their average."));
        if (company) {
            inputs.add(new Form.YesNoInput(
                    COMPANY,
                    "Company goal?",
                    true,
                    "no",
                    "Company goals head /goals company; the goals contributing to them show beneath."));
        }
        if (!parents.isEmpty()) {
            inputs.add(new Form.ChoiceInput(
                    PARENT,
                    "Contributes to (as a key result)",
                    parents.stream()
                            .map(goal -> new Form.Choice(Long.toString(goal.id()), shortTitle(goal.title())))
                            .toList(),
                    false,
                    false,
                    List.of()));
        }
        return new Form(
                ADD,
                "Add a goal",
                "Add",
                List.of(new Block.Context(
                        Text.of("For " + cycle.name() + ". You can update it any time with its" + " Update button."))),
                inputs,
                "");
    }

    static String visibilityLabel(GoalVisibility visibility) {
        return switch (visibility) {
            case EVERYONE -> "Everyone";
            case TEAM -> "My team and managers";
            case PRIVATE -> "Only me and my manager";
        };
    }

    /** Updating a goal, with its progress and latest updates above; {@code typed} fills in what a line said. */
    static Form update(Goal goal, List<GoalUpdate> history, BigDecimal typed, GoalStatus status, String comment) {
        List<Block> intro = new ArrayList<>(GoalMessages.progress(goal));
        for (GoalUpdate update : history) {
            intro.add(new Block.Context(Text.of(GoalMessages.historyLine(goal, update))));
        }
        BigDecimal value = typed != null ? typed : goal.currentValue();
        Form.Input valueInput = goal.measure() == GoalMeasure.DONE
                ? new Form.YesNoInput(VALUE, "Done?", true, value.signum() > 0 ? "yes" : "no", null)
                : new Form.NumberInput(
                        VALUE,
                        goal.measure() == GoalMeasure.PERCENT
                                ? "Progress (%)"
                                : "Now (" + GoalMessages.range(goal) + ")",
                        goal.measure() == GoalMeasure.PERCENT ? BigDecimal.ZERO : null,
                        goal.measure() == GoalMeasure.PERCENT ? BigDecimal.valueOf(100) : null,
                        2,
                        true,
                        value.stripTrailingZeros().toPlainString(),
                        null);
        return new Form(
                UPDATE,
                "Update goal",
                "Save",
                intro,
                List.of(
                        valueInput,
                        new Form.ChoiceInput(
                                STATUS,
                                "Status",
                                Arrays.stream(GoalStatus.values())
                                        .map(each -> new Form.Choice(each.dbValue(), GoalMessages.statusLabel(each)))
                                        .toList(),
                                false,
                                true,
                                List.of((status != null ? status : goal.status()).dbValue())),
                        new Form.TextInput(
                                COMMENT, "Comment", "What changed, what's in the way", true, false, comment, 1000)),
                Long.toString(goal.id()));
    }

    static String shortTitle(String title) {
        return title.length() <= 70 ? title : title.substring(0, 69) + "…";
    }
}
