package dev.candor.bot.server;

/** A request Candor understood to be wrong: answered with a 4xx and a short reason, never a stack trace. */
public final class BadRequest extends RuntimeException {
    private final int status;

    public BadRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public static BadRequest malformed(String reason) {
        return new BadRequest(400, reason);
    }

    public static BadRequest unauthorized(String reason) {
        return new BadRequest(401, reason);
    }

    public int status() {
        return status;
    }
}
