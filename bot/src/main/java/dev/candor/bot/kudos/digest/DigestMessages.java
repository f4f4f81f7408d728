package dev.candor.bot.kudos.digest;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.recognition.DueDigest;
import dev.candor.scheduler.recognition.WeekInReview;
import dev.candor.storage.Platform;
import dev.candor.storage.recognition.Highlight;
import dev.candor.storage.recognition.ValueCount;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The weekly recognition digest in the kudos channel. People appear by name rather than as mentions: a digest
 * that pinged everyone it names every week would be noise, and names read the same on both platforms.
 */
public final class DigestMessages {
    static final String TITLE = "🌟 Recognition this week";
    static final int QUOTE_CHARS = 140;
    private static final int NAMES_SHOWN = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private DigestMessages() {}

    public static Message weekly(DueDigest digest, WeekInReview week) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(TITLE));
        blocks.add(new Block.Context(
                Text.of("The 7 days up to " + DAY.format(digest.to().atZone(digest.zone())))));
        if (week.isQuiet()) {
            blocks.add(new Block.Section(Text.builder()
                    .plain("Nobody received kudos this week. 🌱 Who helped you out, unblocked you or made your day? ")
                    .plain("A short thank-you goes a long way.")
                    .build()));
        } else {
            blocks.add(new Block.Fields(totals(week)));
            if (!week.highlights().isEmpty()) {
                blocks.add(new Block.Divider());
                blocks.add(new Block.Section(Text.builder().strong("Highlights").build()));
                week.highlights().forEach(highlight -> blocks.addAll(highlight(highlight)));
            }
        }
        blocks.add(new Block.Context(Text.of("Say thanks: " + usage(digest.platform()))));
        return new Message(fallback(week), blocks);
    }

    private static List<Block.Field> totals(WeekInReview week) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(
                new Block.Field("Kudos", Text.of(Integer.toString(week.totals().kudos()))));
        fields.add(new Block.Field(
                "People recognised", Text.of(Integer.toString(week.totals().peopleRecognised()))));
        if (!week.topValues().isEmpty()) {
            String values = week.topValues().stream().map(DigestMessages::value).collect(Collectors.joining(", "));
            fields.add(new Block.Field("Top values", Text.of(values)));
        }
        return fields;
    }

    private static List<Block> highlight(Highlight highlight) {
        Text.Builder who =
                Text.builder().strong(highlight.giverName()).plain(" → ").strong(names(highlight.recipientNames()));
        if (highlight.plusOnes() > 0) {
            who.plain("  ·  +" + highlight.plusOnes());
        }
        return List.of(new Block.Section(who.build()), new Block.Quote(Text.of(shorten(highlight.message()))));
    }

    private static String fallback(WeekInReview week) {
        if (week.isQuiet()) {
            return "Recognition this week: nobody received kudos yet. Who would you like to thank?";
        }
        return "Recognition this week: " + week.totals().kudos() + " kudos for "
                + week.totals().peopleRecognised() + (week.totals().peopleRecognised() == 1 ? " person." : " people.");
    }

    /** A value as people know it: its emoji and name, or its tag when it is no longer one of the values. */
    static String value(ValueCount value) {
        String label = value.name() == null
                ? "#" + value.tag()
                : (value.emoji() == null ? "" : value.emoji() + " ") + value.name();
        return label + " (" + value.kudos() + ")";
    }

    /** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo, Cy and 2 others". */
    static String names(List<String> names) {
        if (names.size() > NAMES_SHOWN) {
            int others = names.size() - NAMES_SHOWN;
            return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + others
                    + (others == 1 ? " other" : " others");
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A brief quote: the digest shows what the kudos was about, not all of it. */
    static String shorten(String message) {
        String flat = message.strip().replaceAll("\\s+", " ");
        if (flat.length() <= QUOTE_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', QUOTE_CHARS - 1);
        return flat.substring(0, cut > QUOTE_CHARS / 2 ? cut : QUOTE_CHARS - 1) + "…";
    }

    static String usage(Platform platform) {
        return Syntax.command(platform, "kudos") + " @person what they did #value";
    }
}
