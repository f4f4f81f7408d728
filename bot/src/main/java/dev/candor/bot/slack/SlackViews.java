package dev.candor.bot.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Neutral forms and home views as Slack views: a {@link Form} becomes a modal whose input blocks and elements are
 * named by the input ids (so the submission maps back by block id), a message becomes a confirmation modal or the
 * App Home tab. Slack's limits are applied here, not left for Slack to refuse.
 */
final class SlackViews {
    static final int MAX_VIEW_BLOCKS = 100;
    static final int MAX_TITLE = 24;
    static final int MAX_LABEL = 2000;
    static final int MAX_PLACEHOLDER = 150;
    static final int MAX_TEXT_INPUT = 3000;
    static final int MAX_OPTIONS = 100;
    static final int MAX_OPTION_TEXT = 75;

    private SlackViews() {}

    /** The modal for a form; {@code callback_id} is the form id, the origin rides in {@code private_metadata}. */
    static View modal(Form form, SlackOrigin origin) {
        List<LayoutBlock> inputs = new ArrayList<>();
        for (Form.Input input : form.inputs()) {
            BlockElement element = element(input);
            if (element != null) {
                inputs.add(InputBlock.builder()
                        .blockId(input.id())
                        .label(SlackRenderer.plain(SlackRenderer.truncate(input.label(), MAX_LABEL)))
                        .optional(!input.required())
                        .element(element)
                        .build());
            }
        }
        List<LayoutBlock> blocks =
                new ArrayList<>(SlackRenderer.blocks(form.intro(), Math.max(0, MAX_VIEW_BLOCKS - inputs.size())));
        blocks.addAll(inputs);
        return View.builder()
                .type("modal")
                .callbackId(form.formId())
                .title(title(form.title()))
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(SlackRenderer.truncate(form.submitLabel(), MAX_TITLE))
                        .emoji(true)
                        .build())
                .close(close("Cancel"))
                .privateMetadata(origin.encode())
                .blocks(blocks)
                .build();
    }

    /** What replaces a submitted modal when the handler has something to say: the message and a close button. */
    static View confirmation(String title, Message message) {
        return View.builder()
                .type("modal")
                .title(title(title == null || title.isBlank() ? "Candor" : title))
                .close(close("Close"))
                .blocks(SlackRenderer.blocks(message.blocks(), MAX_VIEW_BLOCKS))
                .build();
    }

    /** The App Home tab. */
    static View home(Message message) {
        return View.builder()
                .type("home")
                .blocks(SlackRenderer.blocks(message.blocks(), MAX_VIEW_BLOCKS))
                .build();
    }

    private static BlockElement element(Form.Input input) {
        if (input instanceof Form.PeopleInput people) {
            return MultiUsersSelectElement.builder()
                    .actionId(people.id())
                    .maxSelectedItems(people.max() > 0 ? people.max() : null)
                    .initialUsers(
                            people.initial().isEmpty()
                                    ? null
                                    : people.initial().stream()
                                            .map(Mention::platformUserId)
                                            .distinct()
                                            .toList())
                    .build();
        } else if (input instanceof Form.TextInput text) {
            return PlainTextInputElement.builder()
                    .actionId(text.id())
                    .multiline(text.multiline())
                    .maxLength(text.maxLength() > 0 ? Math.min(text.maxLength(), MAX_TEXT_INPUT) : null)
                    .initialValue(blankToNull(text.initial()))
                    .placeholder(
                            blankToNull(text.placeholder()) == null
                                    ? null
                                    : SlackRenderer.plain(SlackRenderer.truncate(text.placeholder(), MAX_PLACEHOLDER)))
                    .build();
        } else if (input instanceof Form.ChoiceInput choice) {
            return choices(choice);
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    /** A select of the choices; none to choose from means no input at all (Slack refuses empty selects). */
    private static BlockElement choices(Form.ChoiceInput choice) {
        List<OptionObject> options = new ArrayList<>();
        List<OptionObject> initial = new ArrayList<>();
        for (Form.Choice option :
                choice.choices().subList(0, Math.min(choice.choices().size(), MAX_OPTIONS))) {
            OptionObject rendered = OptionObject.builder()
                    .text(SlackRenderer.plain(SlackRenderer.truncate(option.label(), MAX_OPTION_TEXT)))
                    .value(option.value())
                    .build();
            options.add(rendered);
            if (choice.initial().contains(option.value())) {
                initial.add(rendered);
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        if (choice.multiple()) {
            return MultiStaticSelectElement.builder()
                    .actionId(choice.id())
                    .options(options)
                    .initialOptions(initial.isEmpty() ? null : initial)
                    .build();
        }
        return StaticSelectElement.builder()
                .actionId(choice.id())
                .options(options)
                .initialOption(initial.isEmpty() ? null : initial.get(0))
                .build();
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder()
                .type("plain_text")
                .text(SlackRenderer.truncate(text, MAX_TITLE))
                .emoji(true)
                .build();
    }

    private static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).emoji(true).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
