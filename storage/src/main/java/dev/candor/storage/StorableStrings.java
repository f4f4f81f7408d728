package dev.candor.storage;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The last line of defence behind the cleaning at the platform edges: every string bound to a statement goes in as
 * {@link StorableText#clean}, so a NUL that slipped through costs a character, not the person's request.
 */
final class StorableStrings extends AbstractArgumentFactory<String> {

    StorableStrings() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String clean = StorableText.clean(value);
        return (position, statement, context) -> statement.setString(position, clean);
    }
}
