package dev.candor.bot.server;

import dev.candor.storage.pulse.results.ServedFile;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * {@code GET /files/<token>/<name>}: a file behind an expiring link, or 404 for an unknown, expired or malformed one
 * (the same answer, so that probing learns nothing). The token never reaches the logs.
 */
public final class FileEndpoint implements Handler {
    public static final String ROUTE = FileLinks.PATH + "{token}/{name}";

    private final FileLinks links;

    public FileEndpoint(FileLinks links) {
        this.links = links;
    }

    @Override
    public void handle(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<ServedFile> file = token.matches("[A-Za-z0-9_-]{43}") ? links.find(token) : Optional.empty();
        if (file.isEmpty() || !file.get().fileName().equals(ctx.pathParam("name"))) {
            ctx.status(404).result("not found");
            return;
        }
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (file.get().contentType().equals("text/csv")) {
            ctx.header(
                    "Content-Disposition",
                    "attachment; filename=\"" + file.get().fileName() + "\"");
        }
        ctx.contentType(file.get().contentType()).result(file.get().body());
    }
}
