package dev.migstatus.render;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.watch.Poll;
import dev.migstatus.watch.WatchResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Progress on a terminal: one line redrawn in place with a spinner, a bar, the percent, the
 * elapsed time and counts. A finished phase stays on screen as its own line.
 */
public final class LiveProgress implements ProgressView {

    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final String PARTIAL = " ▏▎▍▌▋▊▉";
    private static final int BAR_CELLS = 20;
    /** More redraws than this per second only cost CPU on a remote terminal. */
    private static final Duration MIN_REDRAW = Duration.ofMillis(250);

    private final PrintWriter out;
    private final Style style;
    private final IntSupplier width;
    private final boolean waitingForMigration;
    private final StatusFacts.UserCounter users = new StatusFacts.UserCounter();
    private Poll lastPoll;
    private Instant lastDrawAt;
    private boolean drawn;
    private boolean cursorHidden;
    private boolean closed;
    private int tick;

    public LiveProgress(PrintWriter out, Style style, IntSupplier width, boolean waitingForMigration) {
        this.out = out;
        this.style = style;
        this.width = width;
        this.waitingForMigration = waitingForMigration;
    }

    @Override
    public void polled(Poll poll) {
        tick++;
        boolean phaseChanged = lastPoll != null && poll.phaseChanged();
        if (phaseChanged && drawn) {
            // Leave the finished phase on screen, marked done, and start a new line for the next.
            draw(line(lastPoll, "✓", true));
            out.println();
            drawn = false;
        }
        lastPoll = poll;
        if (!phaseChanged && lastDrawAt != null && Duration.between(lastDrawAt, poll.at()).compareTo(MIN_REDRAW) < 0) {
            return;
        }
        lastDrawAt = poll.at();
        draw(line(poll, spinner(), false));
    }

    @Override
    public void clear() {
        if (drawn) {
            out.print(CLEAR_LINE);
            out.flush();
            drawn = false;
        }
    }

    @Override
    public void restore() {
        if (!closed && !drawn && lastPoll != null) {
            draw(line(lastPoll, spinner(), false));
        }
    }

    @Override
    public void finished(WatchResult result) {
        close();
    }

    @Override
    public void close() {
        closed = true;
        clear();
        if (cursorHidden) {
            out.print(SHOW_CURSOR);
            out.flush();
            cursorHidden = false;
        }
    }

    private void draw(String line) {
        if (!cursorHidden) {
            out.print(HIDE_CURSOR);
            cursorHidden = true;
        }
        out.print(CLEAR_LINE + line);
        out.flush();
        drawn = true;
    }

    private String spinner() {
        return style.cyan(String.valueOf(SPINNER.charAt(tick % SPINNER.length())));
    }

    /** The mark is drawn separately so that colour codes do not count against the width. */
    /** @param done a finished phase: a bar that still sweeps would say otherwise, so it shows only a known percent */
    private String line(Poll poll, String mark, boolean done) {
        StringBuilder text = new StringBuilder(PhaseLine.phase(poll, waitingForMigration));
        poll.status().ifPresent(status -> details(poll, status, text, done));
        int room = Math.max(10, width.getAsInt() - 3);
        return mark + " " + DisplayWidth.fit(text.toString(), room);
    }

    private void details(Poll poll, MigrationStatus status, StringBuilder text, boolean done) {
        String migrator = PhaseLine.migrator(status);
        if (!migrator.isEmpty()) {
            text.append(" · ").append(migrator);
        }
        int percent = PhaseLine.percent(poll);
        if (poll.phase().running() && !(done && percent < 0)) {
            text.append("  ").append(bar(percent)).append(percent >= 0 ? String.format(" %3d%%", percent) : "     ");
        }
        text.append("  ").append(Formats.clock(poll.elapsed())).append("  ");
        text.append(PhaseLine.counts(poll, status, waitingForMigration, users));
    }

    private String bar(int percent) {
        StringBuilder bar = new StringBuilder("[");
        if (percent < 0) {
            // Indeterminate: a block sweeps back and forth so the user sees the watch is alive.
            int span = BAR_CELLS - 4;
            int pos = tick % (2 * span);
            int start = pos <= span ? pos : 2 * span - pos;
            for (int i = 0; i < BAR_CELLS; i++) {
                bar.append(i >= start && i < start + 4 ? '█' : '░');
            }
        } else {
            int eighths = percent * BAR_CELLS * 8 / 100;
            for (int i = 0; i < BAR_CELLS; i++) {
                int cell = Math.min(8, Math.max(0, eighths - i * 8));
                bar.append(cell == 8 ? '█' : cell == 0 ? '░' : PARTIAL.charAt(cell));
            }
        }
        return bar.append(']').toString();
    }
}
