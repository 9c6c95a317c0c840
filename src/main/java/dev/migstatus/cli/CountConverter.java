package dev.migstatus.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count of things, 0 or more, with an error a person understands ("is not a long" is Java's). */
public final class CountConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // Same message as a negative number.
        }
        throw new TypeConversionException("'" + value + "' is not a whole number, 0 or more");
    }
}
