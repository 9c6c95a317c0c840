package dev.migstatus.sim;

import dev.migstatus.text.Durations;

import java.math.BigDecimal;
import java.time.Duration;

/** A frame's {@code at} as a file writes it: {@code 250ms}, {@code 12s}, {@code 1.5s}, {@code 2m}. */
final class ScenarioTime {

    private ScenarioTime() {
    }

    /** Read as the command line reads durations. @throws IllegalArgumentException with a message fit to show */
    static Duration parse(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException notADuration) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time; write e.g. \"250ms\", \"12s\", \"1.5s\" or \"2m\"");
        }
    }

    /** Seconds, with a fraction only when needed: {@code 12s}, {@code 1.5s}, {@code 0.25s}. */
    static String format(Duration at) {
        return BigDecimal.valueOf(at.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }
}
