package dev.migstatus.cli;

import dev.migstatus.text.Durations;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** A duration option: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 1h30m} or bare seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
