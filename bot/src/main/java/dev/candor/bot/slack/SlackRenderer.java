package dev.candor.bot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Span;
import dev.candor.bot.chat.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders neutral messages as Slack Block Kit, within Slack's limits. */
public final class SlackRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_CHARS = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_HEADER_CHARS = 150;
    static final int MAX_ALT_TEXT = 2000;

    private SlackRenderer() {}

    public static List<LayoutBlock> blocks(Message message) {
        return blocks(message.blocks(), MAX_BLOCKS);
    }

    /** Neutral blocks as Block Kit, at most {@code max} of them (messages take 50, modals and App Home 100). */
    static List<LayoutBlock> blocks(List<Block> neutral, int max) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Block block : neutral) {
            blocks.addAll(render(block));
        }
        return blocks.size() > max ? List.copyOf(blocks.subList(0, max)) : blocks;
    }

    /** The notification text: Slack shows it where blocks can't be shown. */
    public static String fallback(Message message) {
        return escape(message.fallbackText());
    }

    private static List<LayoutBlock> render(Block block) {
        if (block instanceof Block.Header header) {
            return List.of(HeaderBlock.builder()
                    .text(plain(truncate(header.text(), MAX_HEADER_CHARS)))
                    .build());
        } else if (block instanceof Block.Section section) {
            return List.of(section(mrkdwn(section.text())));
        } else if (block instanceof Block.Quote quote) {
            return List.of(section(quote(mrkdwn(quote.text()))));
        } else if (block instanceof Block.Fields fields) {
            return fields(fields);
        } else if (block instanceof Block.Context context) {
            return List.of(ContextBlock.builder()
                    .elements(List.of(markdown(truncate(mrkdwn(context.text()), MAX_SECTION_CHARS))))
                    .build());
        } else if (block instanceof Block.Divider) {
            return List.of(DividerBlock.builder().build());
        } else if (block instanceof Block.Buttons buttons) {
            return List.of(actions(buttons));
        } else if (block instanceof Block.Progress progress) {
            return List.of(section(progress(progress)));
        } else if (block instanceof Block.Image image) {
            return List.of(ImageBlock.builder()
                    .imageUrl(image.url())
                    .altText(truncate(image.altText(), MAX_ALT_TEXT))
                    .build());
        }
        throw new IllegalArgumentException("unknown block " + block);
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder()
                .text(markdown(truncate(mrkdwn, MAX_SECTION_CHARS)))
                .build();
    }

    private static List<LayoutBlock> fields(Block.Fields fields) {
        List<LayoutBlock> sections = new ArrayList<>();
        List<TextObject> chunk = new ArrayList<>();
        for (Block.Field field : fields.fields()) {
            chunk.add(markdown(truncate("*" + escape(field.label()) + "*\n" + mrkdwn(field.value()), 2000)));
            if (chunk.size() == MAX_FIELDS) {
                sections.add(SectionBlock.builder().fields(chunk).build());
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            sections.add(SectionBlock.builder().fields(chunk).build());
        }
        return sections;
    }

    private static ActionsBlock actions(Block.Buttons buttons) {
        List<BlockElement> elements = new ArrayList<>();
        for (Block.Button button : buttons.buttons()) {
            elements.add(ButtonElement.builder()
                    .actionId(button.actionId())
                    .text(plain(truncate(button.label(), 75)))
                    .value(button.value())
                    .style(
                            button.style() == Block.ButtonStyle.DEFAULT
                                    ? null
                                    : button.style().name().toLowerCase(Locale.ROOT))
                    .build());
        }
        return ActionsBlock.builder().elements(elements).build();
    }

    private static String progress(Block.Progress progress) {
        int total = Math.max(progress.total(), 1);
        int filled = Math.round(10f * Math.min(progress.done(), total) / total);
        return "*" + escape(progress.label()) + "*  " + "▓".repeat(filled) + "░".repeat(10 - filled) + "  "
                + progress.figure();
    }

    /** Neutral text as Slack mrkdwn; only our own markup is formatting, what people typed is escaped. */
    static String mrkdwn(Text text) {
        StringBuilder out = new StringBuilder();
        for (Span span : text.spans()) {
            if (span instanceof Span.Plain plain) {
                out.append(escape(plain.text()));
            } else if (span instanceof Span.Strong strong) {
                out.append('*').append(escape(strong.text())).append('*');
            } else if (span instanceof Span.Emphasis emphasis) {
                out.append('_').append(escape(emphasis.text())).append('_');
            } else if (span instanceof Span.PersonRef person) {
                out.append("<@").append(person.platformUserId()).append('>');
            } else if (span instanceof Span.Link link) {
                out.append('<')
                        .append(link.url())
                        .append('|')
                        .append(escape(link.label()))
                        .append('>');
            } else if (span instanceof Span.LineBreak) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String quote(String mrkdwn) {
        return "> " + mrkdwn.replace("\n", "\n> ");
    }

    /** Slack's three control characters; everything else is shown as typed. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
