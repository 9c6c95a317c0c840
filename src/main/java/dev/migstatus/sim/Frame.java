package dev.migstatus.sim;

import java.time.Duration;
import java.util.List;

/**
 * What the portal answers from {@code at} on.
 *
 * @param at  scenario time from the first request
 * @param log lines this frame adds to the migration log ({@code GET logs})
 */
public record Frame(Duration at, Answer answer, List<String> log) {

    public Frame {
        if (at.isNegative()) {
            throw new IllegalArgumentException("a frame cannot begin before the scenario");
        }
        log = List.copyOf(log);
    }
}
