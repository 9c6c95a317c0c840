package dev.migstatus.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every message writes durations one way, the way options take them where it can. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250, 250ms", "1500, 1.5s", "1950, 2s", "2000, 2s", "9960, 10s", "14000, 14s", "300000, 5m",
        "65000, 1m 05s", "3600000, 1h", "7380000, 2h 03m"})
    void writesOneFormat(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
    }
}
