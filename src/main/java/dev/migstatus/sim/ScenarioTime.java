package dev.migstatus.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A frame's {@code at} as a file writes it: {@code 250ms}, {@code 12s}, {@code 1.5s}, {@code 2m}. */
final class ScenarioTime {

    private static final Pattern TIME = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(ms|s|m)");

    private ScenarioTime() {
    }

    /** @throws IllegalArgumentException with a message fit to show */
    static Duration parse(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time; write e.g. \"250ms\", \"12s\", \"1.5s\" or \"2m\"");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount.movePointRight(3);
            default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
        return Duration.ofMillis(millis.longValue());
    }

    /** Seconds, with a fraction only when needed: {@code 12s}, {@code 1.5s}, {@code 0.25s}. */
    static String format(Duration at) {
        return BigDecimal.valueOf(at.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }
}
