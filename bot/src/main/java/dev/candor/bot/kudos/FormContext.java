package dev.candor.bot.kudos;

/** What a kudos form carries from the message it was opened on: {@code <message id>|<link>}. */
record FormContext(String messageId, String url) {

    static String of(String messageId, String url) {
        return (messageId == null ? "" : messageId) + "|" + (url == null ? "" : url);
    }

    static FormContext parse(String context) {
        if (context == null || context.isEmpty()) {
            return new FormContext(null, null);
        }
        String[] parts = context.split("\\|", 2);
        return new FormContext(emptyToNull(parts[0]), parts.length > 1 ? emptyToNull(parts[1]) : null);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
