package dev.migstatus.sim;

import java.time.Duration;
import java.util.List;

/**
 * A rehearsal of one migration: what the simulated portal answers, frame by frame, as time passes.
 * Each frame holds from its {@code at} until the next one begins; the last holds for good.
 *
 * @param description one sentence for people; "" when the file has none
 * @param server      the DocSpace release whose answers it plays where releases differ
 */
public record Scenario(String description, ServerVersion server, List<Frame> frames) {

    public Scenario {
        description = description == null ? "" : description;
        server = server == null ? ServerVersion.NEWEST : server;
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one frame");
        }
    }

    /** A scenario of the newest release. */
    public Scenario(String description, List<Frame> frames) {
        this(description, ServerVersion.NEWEST, frames);
    }

    /** When the last frame begins: from then on the answers no longer change. */
    public Duration length() {
        return frames.get(frames.size() - 1).at();
    }
}
