package dev.migstatus.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"250ms,250", "2s,2000", "1.5s,1500", "5m,300000", "1h,3600000", "10,10000", "0.25,250", "1h30m,5400000", "2S,2000"})
    void readsWhatPeopleWrite(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), new DurationConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5x", "-1s", "1.s", "m5", "1 h"})
    void refusesTheRestWithAnExample(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new DurationConverter().convert(text));
        assertTrue(e.getMessage().contains("e.g. 250ms, 2s"), e.getMessage());
    }

    @Test
    void refusesAbsurdlyLongDurations() {
        assertThrows(TypeConversionException.class, () -> new DurationConverter().convert("99999999999999h"));
    }
}
