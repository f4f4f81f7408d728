package dev.candor.bot.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A run of text inside a {@link Text}. User-written text is always {@link Plain}, so nothing a person types is
 * ever interpreted as markup by a renderer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "span")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Span.Plain.class, name = "plain"),
    @JsonSubTypes.Type(value = Span.Strong.class, name = "strong"),
    @JsonSubTypes.Type(value = Span.Emphasis.class, name = "emphasis"),
    @JsonSubTypes.Type(value = Span.PersonRef.class, name = "person"),
    @JsonSubTypes.Type(value = Span.Link.class, name = "link"),
    @JsonSubTypes.Type(value = Span.LineBreak.class, name = "br")
})
public sealed interface Span {

    record Plain(String text) implements Span {}

    record Strong(String text) implements Span {}

    record Emphasis(String text) implements Span {}

    /** A person, shown as a real mention on the platform (a Slack {@code <@U…>}, a Teams {@code <at>}). */
    record PersonRef(String platformUserId, String name) implements Span {}

    record Link(String url, String label) implements Span {}

    record LineBreak() implements Span {}
}
