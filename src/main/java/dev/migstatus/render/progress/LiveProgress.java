package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.Phase;
import dev.migstatus.render.Style;
import dev.migstatus.render.progress.LiveLine.State;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.Poll;
import dev.migstatus.watch.WatchResult;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Progress on a terminal: one line redrawn in place, eight times a second on its own timer, so the
 * spinner and the clock move while a request is out or a retry waits (no request more). A finished
 * phase stays on screen as its own line, marked as it really ended (✓ done, ✗ failed or gone, no
 * mark for a wait) with the time it ended. The terminal's width is read for every frame: after a
 * resize the line fits again, and the rows an old, wider line now wraps onto are cleared.
 * The watch's thread and the timer's both call in: every entry point is synchronized.
 */
public final class LiveProgress implements ProgressView {

    /** Eight frames a second: the spinner turns smoothly; a remote terminal gets about 1 KB/s. */
    public static final Duration FRAME = Duration.ofMillis(125);

    private static final String ERASE_LINE = "\u001b[2K";
    private static final String UP = "\u001b[1A";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintWriter out;
    private final Style style;
    private final IntSupplier width;
    private final Clock clock;
    private final FrameTimer frames;
    private final String host;
    private final boolean waitingForMigration;
    private final UserCounter users = new UserCounter();
    private FrameTimer.Running timer = () -> { };
    private Instant startedAt;
    private Poll lastPoll;
    /** When a failed request is tried again; null while the portal answers. */
    private Instant retryAt;
    /** The columns the line on screen takes; 0 when none is drawn. */
    private int drawnWidth;
    private boolean hidden;
    private boolean cursorHidden;
    private boolean closed;
    private int tick;

    /**
     * @param out  the terminal: stdout, or stderr when stdout is a file or a JSON document
     * @param host the portal, named until it first answers
     */
    public LiveProgress(PrintWriter out, Style style, IntSupplier width, Clock clock, FrameTimer frames, String host,
                        boolean waitingForMigration) {
        this.out = out;
        this.style = style;
        this.width = width;
        this.clock = clock;
        this.frames = frames;
        this.host = host;
        this.waitingForMigration = waitingForMigration;
    }

    @Override
    public synchronized void started(Instant at) {
        startedAt = at;
        timer = frames.start(FRAME, this::frame);
        redraw(at);
    }

    @Override
    public synchronized void polled(Poll poll) {
        retryAt = null;
        if (lastPoll != null && poll.phaseChanged()) {
            settle(lastPoll, poll);
        }
        lastPoll = poll;
        tick++;
        redraw(poll.at());
    }

    @Override
    public synchronized void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        retryAt = at.plus(delay);
        redraw(at);
    }

    @Override
    public synchronized void recovered(Instant at, Duration outage, int failures) {
        retryAt = null;
    }

    /** The timer's call: the same state, a frame later. */
    synchronized void frame() {
        tick++;
        redraw(clock.instant());
    }

    @Override
    public synchronized void clear() {
        hidden = true;
        erase();
        out.flush();
    }

    @Override
    public synchronized void restore() {
        hidden = false;
        redraw(clock.instant());
    }

    @Override
    public void finished(WatchResult result) {
        close();
    }

    @Override
    public synchronized void close() {
        timer.stop();
        closed = true;
        erase();
        if (cursorHidden) {
            out.print(SHOW_CURSOR);
            cursorHidden = false;
        }
        out.flush();
    }

    /**
     * Leaves the phase that ended on screen, as it really ended, with the time the watch saw it end,
     * and starts a new line for the next.
     */
    private void settle(Poll ended, Poll next) {
        String mark;
        State state;
        if (!ended.phase().running()) {
            mark = " ";
            state = State.WAITED;
        } else if (next.phase() == Phase.FAILED || next.phase() == Phase.NONE) {
            mark = style.red("✗");
            state = State.STOPPED;
        } else {
            mark = style.green("✓");
            state = State.DONE;
        }
        draw(mark, words(ended, state, next.elapsed(), ""));
        out.println();
        drawnWidth = 0;
    }

    private void redraw(Instant now) {
        if (closed || hidden || startedAt == null) {
            return;
        }
        Duration elapsed = Duration.between(startedAt, now);
        String note = retryAt == null ? "" : "retrying in " + Durations.format(Duration.between(now, retryAt).isNegative()
                ? Duration.ZERO : Duration.between(now, retryAt).plusMillis(999).withNanos(0));
        String spinner = style.cyan(String.valueOf(SPINNER.charAt(tick % SPINNER.length())));
        if (lastPoll == null) {
            draw(spinner, LiveLine.fit("waiting for " + host + " to answer", null, State.WAITED, elapsed, note, "", tick, room()));
        } else {
            draw(spinner, words(lastPoll, State.RUNNING, elapsed, note.isEmpty() ? PhaseLine.timeLeft(lastPoll) : note));
        }
    }

    private String words(Poll poll, State state, Duration elapsed, String note) {
        String counts = poll.status().map(s -> PhaseLine.counts(poll, s, waitingForMigration, users)).orElse("");
        String head = LiveLine.head(PhaseLine.phase(poll, waitingForMigration), poll.status().orElse(null));
        return LiveLine.fit(head, poll, state, elapsed, state == State.RUNNING ? note : "", counts, tick, room());
    }

    /** The mark and a space take two columns; one more stays free, so the cursor never waits at the edge. */
    private int room() {
        return width.getAsInt() - 3;
    }

    /** @param mark one column: drawn apart so that its colour codes do not count against the width */
    private void draw(String mark, String words) {
        if (!cursorHidden) {
            out.print(HIDE_CURSOR);
            cursorHidden = true;
        }
        erase();
        out.print(mark + " " + words);
        out.flush();
        drawnWidth = 2 + DisplayWidth.of(words);
    }

    /**
     * Takes the line off the screen. A terminal made narrower than the line re-flows it onto more rows
     * (tmux, VTE, iTerm2, kitty, Windows Terminal do), with the cursor on the last: those rows go too.
     */
    private void erase() {
        if (drawnWidth == 0) {
            return;
        }
        int columns = Math.max(1, width.getAsInt());
        int rows = (drawnWidth + columns - 1) / columns;
        out.print("\r" + ERASE_LINE + (UP + ERASE_LINE).repeat(Math.max(0, rows - 1)));
        drawnWidth = 0;
    }
}
