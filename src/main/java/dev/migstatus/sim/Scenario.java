package dev.migstatus.sim;

import java.time.Duration;
import java.util.List;

/**
 * A rehearsal of one migration: what the simulated portal answers, frame by frame, as time passes.
 * Each frame holds from its {@code at} until the next one begins; the last holds for good.
 *
 * @param description one sentence for people; "" when the file has none
 */
public record Scenario(String description, List<Frame> frames) {

    public Scenario {
        description = description == null ? "" : description;
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one frame");
        }
    }

    /** When the last frame begins: from then on the answers no longer change. */
    public Duration length() {
        return frames.get(frames.size() - 1).at();
    }
}
