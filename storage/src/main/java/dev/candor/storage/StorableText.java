package dev.candor.storage;

/**
 * Text as PostgreSQL can store it. A {@code text} column refuses U+0000 outright and {@code jsonb} refuses its
 * {@code \u0000} escape; a lone UTF-16 surrogate has no UTF-8 form at all. Chat platforms pass all three through from
 * what people type or paste, so every piece of platform text is cleaned on its way in: NUL removed, a lone surrogate
 * replaced by U+FFFD. Everything else (right-to-left marks, emoji, combining marks) is kept as it is.
 */
public final class StorableText {
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    /** The text without NUL and with lone surrogates replaced; the same instance when there was nothing to clean. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when PostgreSQL can store the text as it is. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
