package dev.migstatus.render.progress;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;
import dev.migstatus.render.Style;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.watch.Poll;
import dev.migstatus.watch.WatchResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Progress on a terminal: one line redrawn in place with a spinner, a bar, the percent, the
 * elapsed time, the time left when it is known, and counts. A finished phase stays on screen as its own line.
 */
public final class LiveProgress implements ProgressView {

    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final int BAR_CELLS = 20;
    /** More redraws than this per second only cost CPU on a remote terminal. */
    private static final Duration MIN_REDRAW = Duration.ofMillis(250);

    private final PrintWriter out;
    private final Style style;
    private final IntSupplier width;
    private final boolean waitingForMigration;
    private final UserCounter users = new UserCounter();
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
            boolean succeeded = poll.phase() != Phase.FAILED && poll.phase() != Phase.NONE;
            draw(line(lastPoll, "✓", succeeded ? LineState.COMPLETE : LineState.STOPPED));
            out.println();
            drawn = false;
        }
        lastPoll = poll;
        if (!phaseChanged && lastDrawAt != null && Duration.between(lastDrawAt, poll.at()).compareTo(MIN_REDRAW) < 0) {
            return;
        }
        lastDrawAt = poll.at();
        draw(line(poll, spinner(), LineState.NOT_YET));
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
            draw(line(lastPoll, spinner(), LineState.NOT_YET));
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

    /** How a drawn phase stands: still going, finished (the bar fills), or left for a failure or nothing. */
    private enum LineState { NOT_YET, COMPLETE, STOPPED }

    /**
     * The mark is drawn apart so that its colour codes do not count against the width; when the line
     * is too narrow the counts go first, then the time left, so the percent and the elapsed time
     * stay readable (a time left cut to "…" would say nothing).
     */
    private String line(Poll poll, String mark, LineState state) {
        int room = Math.max(10, width.getAsInt() - 3);
        String essentials = PhaseLine.phase(poll, waitingForMigration);
        String counts = "";
        if (poll.status().isPresent()) {
            MigrationStatus status = poll.status().get();
            counts = PhaseLine.counts(poll, status, waitingForMigration, users);
            for (int cells : new int[] {BAR_CELLS, BAR_CELLS / 2, 0}) {
                StringBuilder text = new StringBuilder(essentials);
                details(poll, status, text, state, cells);
                if (DisplayWidth.of(text.toString()) <= room || cells == 0) {
                    essentials = text.toString();
                    break;
                }
            }
        }
        String text = essentials;
        for (String extra : new String[] {state == LineState.NOT_YET ? PhaseLine.timeLeft(poll) : "", counts}) {
            if (!extra.isEmpty() && DisplayWidth.of(text) + 2 + DisplayWidth.of(extra) <= room) {
                text = text + "  " + extra;
            }
        }
        return mark + " " + DisplayWidth.fit(text, room);
    }

    /** @param cells the bar's width; a narrow terminal gets a shorter one, or none */
    private void details(Poll poll, MigrationStatus status, StringBuilder text, LineState state, int cells) {
        String migrator = PhaseLine.migrator(status);
        if (!migrator.isEmpty()) {
            text.append(" · ").append(migrator);
        }
        int percent = state == LineState.COMPLETE ? 100 : PhaseLine.percent(poll);
        // A phase that ended without a known percent shows no bar: one still sweeping would say it runs on.
        if (poll.phase().running() && !(state == LineState.STOPPED && percent < 0)) {
            text.append("  ").append(cells > 0 ? Bar.draw(percent, cells, tick) + " " : "")
                    .append(percent >= 0 ? String.format("%3d%%", percent) : "    ");
        }
        text.append("  ").append(Formats.clock(poll.elapsed()));
    }
}
