package dev.candor.bot.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The building blocks of a {@link Message}: the common subset of Slack Block Kit and Adaptive Cards.
 * Renderers turn each into the platform's own element.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "block")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Header.class, name = "header"),
    @JsonSubTypes.Type(value = Block.Section.class, name = "section"),
    @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = Block.Fields.class, name = "fields"),
    @JsonSubTypes.Type(value = Block.Context.class, name = "context"),
    @JsonSubTypes.Type(value = Block.Divider.class, name = "divider"),
    @JsonSubTypes.Type(value = Block.Buttons.class, name = "buttons"),
    @JsonSubTypes.Type(value = Block.Progress.class, name = "progress"),
    @JsonSubTypes.Type(value = Block.Image.class, name = "image")
})
public sealed interface Block {

    /** A short title line. */
    record Header(String text) implements Block {}

    /** A paragraph. */
    record Section(Text text) implements Block {}

    /** Words quoted from a person, shown set apart. */
    record Quote(Text text) implements Block {}

    /** Label/value pairs shown as a compact grid. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, Text value) {}

    /** Small, muted text: hints, timestamps, tags. */
    record Context(Text text) implements Block {}

    record Divider() implements Block {}

    /** A row of buttons; each sends its {@code actionId} ({@code feature.verb}) and {@code value} back. */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    record Button(String actionId, String label, String value, ButtonStyle style) {}

    enum ButtonStyle {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    /** How far along something is, e.g. 3 of 5 answered, or with {@code percent} 60 % of a goal (of 100). */
    record Progress(String label, int done, int total, boolean percent) implements Block {
        public Progress(String label, int done, int total) {
            this(label, done, total, false);
        }

        /** {@code done} of 100, shown as a percentage. */
        public static Progress percent(String label, int percent) {
            return new Progress(label, percent, 100, true);
        }

        /** "3/5", or "60%". */
        public String figure() {
            return percent ? done + "%" : done + "/" + total;
        }
    }

    /**
     * A picture, e.g. a chart Candor serves under {@code PUBLIC_URL}: the platform's servers fetch {@code url}, so it
     * must be public HTTPS. {@code altText} says what it shows, for screen readers and wherever pictures aren't
     * shown; put what matters in the text around it as well.
     */
    record Image(String url, String altText) implements Block {}
}
