package dev.candor.storage.outbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks {@link OutboxMessage}'s V16 columns as optional for Jdbi's constructor mapper, so that queries written before
 * them (tests, tools) still map: Jdbi treats a parameter with an annotation named {@code Nullable} as one whose column
 * may be missing.
 */
final class SinceV16 {
    private SinceV16() {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Nullable {}
}
