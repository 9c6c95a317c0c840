package dev.migstatus.render.progress;

import dev.migstatus.text.Formats;
import dev.migstatus.watch.Poll;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress for CI logs and pipes: a plain line when the phase or the whole percent changes, and
 * a heartbeat when nothing has for a while, so a job never looks hung and a log of a
 * ten-hour migration stays readable. Never a carriage return, never an escape code.
 */
public final class PlainProgress implements ProgressView {

    private final PrintWriter out;
    private final boolean waitingForMigration;
    private final UserCounter users = new UserCounter();
    private String lastKey;
    private Instant lastLineAt;

    /** @param waitingForMigration whether the watch goes on past "nothing yet" and a finished parse */
    public PlainProgress(PrintWriter out, boolean waitingForMigration) {
        this.out = out;
        this.waitingForMigration = waitingForMigration;
    }

    @Override
    public void polled(Poll poll) {
        int percent = PhaseLine.percent(poll);
        String key = poll.phase() + ":" + percent;
        if (key.equals(lastKey)) {
            if (Duration.between(lastLineAt, poll.at()).compareTo(HEARTBEAT) >= 0) {
                print(poll, describe(poll, percent) + " · still " + (poll.phase().running() ? "running" : "waiting"));
            }
            return;
        }
        lastKey = key;
        print(poll, describe(poll, percent));
    }

    private String describe(Poll poll, int percent) {
        List<String> parts = new ArrayList<>();
        parts.add(PhaseLine.phase(poll, waitingForMigration));
        poll.status().ifPresent(status -> {
            String migrator = PhaseLine.migrator(status);
            if (!migrator.isEmpty()) {
                parts.add(migrator);
            }
            if (percent >= 0) {
                parts.add(percent + "%");
            }
            String left = PhaseLine.timeLeft(poll);
            if (!left.isEmpty()) {
                parts.add(left);
            }
            String counts = PhaseLine.counts(poll, status, waitingForMigration, users);
            if (!counts.isEmpty()) {
                parts.add(counts);
            }
        });
        return String.join(" · ", parts);
    }

    private void print(Poll poll, String text) {
        lastLineAt = poll.at();
        out.println("[" + Formats.clock(poll.elapsed()) + "] " + text);
        out.flush();
    }
}
