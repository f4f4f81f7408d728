package dev.candor.storage;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** Binds and maps every {@link DbEnum} as its lower-case name. */
final class DbEnums {
    private DbEnums() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new EnumArguments());
        jdbi.registerColumnMapper(new EnumColumns());
    }

    private static boolean isDbEnum(Type type) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isEnum() && DbEnum.class.isAssignableFrom(raw);
    }

    private static final class EnumArguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<java.util.function.Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!isDbEnum(type)) {
                return Optional.empty();
            }
            return Optional.of(value -> (position, statement, context) -> {
                if (value == null) {
                    statement.setNull(position, Types.VARCHAR);
                } else {
                    statement.setString(position, ((DbEnum) value).dbValue());
                }
            });
        }
    }

    private static final class EnumColumns implements ColumnMapperFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            if (!isDbEnum(type)) {
                return Optional.empty();
            }
            Class<? extends Enum> enumType = (Class<? extends Enum>) GenericTypes.getErasedType(type);
            return Optional.of((resultSet, column, context) -> {
                String value = resultSet.getString(column);
                return value == null ? null : Enum.valueOf(enumType, value.toUpperCase(Locale.ROOT));
            });
        }
    }
}
