package dev.candor.bot.admin;

/**
 * An administrative command HR typed that Candor can't carry out as written: what is wrong, and which command's
 * syntax and example to show. Nothing has changed when this is thrown.
 */
final class AdminUsage extends RuntimeException {
    private final AdminSyntax syntax;

    AdminUsage(String problem, AdminSyntax syntax) {
        // A message for a person, not an error: no stack trace needed.
        super(problem, null, false, false);
        this.syntax = syntax;
    }

    String problem() {
        return getMessage();
    }

    AdminSyntax syntax() {
        return syntax;
    }
}
