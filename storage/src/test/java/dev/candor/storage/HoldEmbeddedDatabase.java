package dev.candor.storage;

import java.nio.file.Path;

/** Run in a JVM of its own by tests: opens the embedded database on a directory and keeps it until killed. */
public final class HoldEmbeddedDatabase {
    private HoldEmbeddedDatabase() {}

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.embedded(Path.of(args[0]), 2);
        database.migrate();
        System.out.println("HOLDING " + Postmasters.pid(Path.of(args[0])).orElseThrow());
        Thread.currentThread().join(); // until the test kills this JVM
    }
}
