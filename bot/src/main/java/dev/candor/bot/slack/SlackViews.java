package dev.candor.bot.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.candor.bot.chat.Form;
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

    private SlackViews() {}

    /** The modal for a form; {@code callback_id} is the form id, the origin rides in {@code private_metadata}. */
    static View modal(Form form, SlackOrigin origin) {
        List<LayoutBlock> inputs = new ArrayList<>();
        for (Form.Input input : form.inputs()) {
            BlockElement element = SlackFormInputs.element(input);
            if (element != null) {
                inputs.add(InputBlock.builder()
                        .blockId(input.id())
                        .label(SlackRenderer.plain(SlackRenderer.truncate(input.label(), MAX_LABEL)))
                        .optional(!input.required())
                        .element(element)
                        .hint(hint(input.help()))
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
                .close(close(form.drafts() ? "Close" : "Cancel"))
                .notifyOnClose(form.drafts() ? Boolean.TRUE : null)
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

    /** The help under an input; Slack shows it in small grey type. */
    private static PlainTextObject hint(String help) {
        return help == null || help.isBlank() ? null : SlackRenderer.plain(SlackRenderer.truncate(help, MAX_LABEL));
    }
}
