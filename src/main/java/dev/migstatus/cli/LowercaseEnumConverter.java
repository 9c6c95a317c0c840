package dev.migstatus.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/** Option values as users type them ({@code json}, {@code migrated}), with an error that lists them. */
abstract class LowercaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + names(type));
    }

    /** For shell completion: the values as they are typed, not as Java spells the constants. */
    abstract static class Candidates<E extends Enum<E>> implements Iterable<String> {
        private final Class<E> type;

        Candidates(Class<E> type) {
            this.type = type;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
