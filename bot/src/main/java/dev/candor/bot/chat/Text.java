package dev.candor.bot.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/** Formatted text made of {@link Span}s. Build with {@link #builder()} or {@link #of(String)}. */
public record Text(List<Span> spans) {

    public Text {
        spans = List.copyOf(spans);
    }

    public static Text of(String plain) {
        return new Text(List.of(new Span.Plain(plain)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text without formatting, e.g. for notification previews. */
    @JsonIgnore
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            out.append(plain(span));
        }
        return out.toString();
    }

    private static String plain(Span span) {
        if (span instanceof Span.Plain plain) {
            return plain.text();
        } else if (span instanceof Span.Strong strong) {
            return strong.text();
        } else if (span instanceof Span.Emphasis emphasis) {
            return emphasis.text();
        } else if (span instanceof Span.PersonRef person) {
            return "@" + person.name();
        } else if (span instanceof Span.Link link) {
            return link.label();
        }
        return "\n";
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(new Span.Plain(text));
            return this;
        }

        public Builder strong(String text) {
            spans.add(new Span.Strong(text));
            return this;
        }

        public Builder emphasis(String text) {
            spans.add(new Span.Emphasis(text));
            return this;
        }

        public Builder person(String platformUserId, String name) {
            spans.add(new Span.PersonRef(platformUserId, name));
            return this;
        }

        public Builder link(String url, String label) {
            spans.add(new Span.Link(url, label));
            return this;
        }

        public Builder lineBreak() {
            spans.add(new Span.LineBreak());
            return this;
        }

        /** Appends people as "A", "A and B", "A, B and C". */
        public Builder people(List<Mention> people) {
            for (int i = 0; i < people.size(); i++) {
                if (i > 0) {
                    plain(i == people.size() - 1 ? " and " : ", ");
                }
                person(people.get(i).platformUserId(), people.get(i).displayName());
            }
            return this;
        }

        public Text build() {
            return new Text(spans);
        }
    }
}
