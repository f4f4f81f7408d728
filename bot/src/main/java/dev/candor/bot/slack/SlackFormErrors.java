package dev.candor.bot.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's mistakes as {@code response_action: errors}. Slack refuses the whole answer when an error names a
 * block that is not an input of the view, so a mistake about something the view doesn't show goes to its first
 * input rather than being lost.
 */
final class SlackFormErrors {
    private SlackFormErrors() {}

    static Map<String, String> onBlocks(Map<String, String> errors, View view) {
        List<String> inputs = inputIds(view);
        Map<String, String> placed = new LinkedHashMap<>();
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(error -> {
            String block = inputs.contains(error.getKey()) || inputs.isEmpty() ? error.getKey() : inputs.get(0);
            placed.merge(block, error.getValue(), (first, second) -> first + " " + second);
        });
        return placed;
    }

    private static List<String> inputIds(View view) {
        List<LayoutBlock> blocks = view == null || view.getBlocks() == null ? List.of() : view.getBlocks();
        return blocks.stream()
                .filter(InputBlock.class::isInstance)
                .map(block -> ((InputBlock) block).getBlockId())
                .filter(id -> id != null)
                .toList();
    }
}
