package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.Style;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;
import dev.migstatus.watch.Poll;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A fleet on a terminal: one row per portal, redrawn in place: mark, name, bar, percent, elapsed
 * time, then phase, migrator and counts (cut first when the terminal is narrow). With more portals
 * than the terminal has rows, the ones that failed and those still running come first, and one
 * last row counts the rest. All calls come from the fleet driver's one thread. A little over the
 * usual size: drawing in place and each row's line share the tick, the style and the widths.
 */
public final class FleetBoard {

    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    /** More redraws than this per second only cost CPU on a remote terminal. */
    private static final Duration MIN_REDRAW = Duration.ofMillis(250);
    private static final int MAX_NAME = 24;

    private final PrintWriter out;
    private final Style style;
    private final IntSupplier columns;
    private final IntSupplier rows;
    private final boolean waitingForMigration;
    private final List<Row> board = new ArrayList<>();
    private final int nameWidth;
    private int drawnLines;
    private Instant lastDrawAt;
    private boolean cursorHidden;
    private boolean closed;
    private int tick;

    /** @param names the portals' short names, in the fleet's order */
    public FleetBoard(PrintWriter out, Style style, IntSupplier columns, IntSupplier rows, boolean waitingForMigration,
                      List<String> names) {
        this.out = out;
        this.style = style;
        this.columns = columns;
        this.rows = rows;
        this.waitingForMigration = waitingForMigration;
        int widest = 0;
        for (String name : names) {
            board.add(new Row(SafeText.line(name)));
            widest = Math.max(widest, DisplayWidth.of(name));
        }
        this.nameWidth = Math.min(MAX_NAME, widest);
    }

    /** What portal {@code i}'s watch tells the board. */
    public ProgressView row(int i) {
        return board.get(i);
    }

    /** Portal {@code i}'s watch is over: its row keeps the outcome and the sentence that says it. */
    public void ended(int i, ExitCode code, String message, Duration elapsed, Instant at) {
        Row row = board.get(i);
        row.code = code;
        row.message = message;
        row.elapsed = elapsed;
        redraw(at, true);
    }

    /** The whole board, for messages to take down and put back. */
    public ProgressView display() {
        return new ProgressView() {
            @Override
            public void clear() {
                erase();
            }

            @Override
            public void restore() {
                if (!closed) {
                    draw();
                }
            }
        };
    }

    public void close() {
        closed = true;
        erase();
        if (cursorHidden) {
            out.print(SHOW_CURSOR);
            out.flush();
            cursorHidden = false;
        }
    }

    private void redraw(Instant at, boolean now) {
        if (closed || (!now && lastDrawAt != null && Duration.between(lastDrawAt, at).compareTo(MIN_REDRAW) < 0)) {
            return;
        }
        lastDrawAt = at;
        tick++;
        draw();
    }

    /** Takes the board off the screen, leaving the cursor where its first line was. */
    private void erase() {
        if (drawnLines > 0) {
            StringBuilder text = new StringBuilder(up(drawnLines));
            text.append("\u001b[2K\n".repeat(drawnLines)).append(up(drawnLines));
            out.print(text);
            out.flush();
            drawnLines = 0;
        }
    }

    /**
     * Writes the board over the one on screen, line by line: clearing the whole screen at once
     * would push it into the scrollback of some terminals (tmux) on every redraw.
     */
    private void draw() {
        if (!cursorHidden) {
            out.print(HIDE_CURSOR);
            cursorHidden = true;
        }
        int width = Math.max(20, columns.getAsInt() - 1);
        List<Row> shown = shown(Math.max(2, rows.getAsInt() - 1));
        List<String> lines = new ArrayList<>();
        for (Row row : shown) {
            lines.add(row.line(width));
        }
        int hidden = board.size() - shown.size();
        if (hidden > 0) {
            long running = board.stream().filter(r -> r.code == null).count()
                    - shown.stream().filter(r -> r.code == null).count();
            lines.add(style.dim(DisplayWidth.fit("… " + hidden + " more" + (running == 0 ? " finished"
                    : " (" + running + " still running)"), width)));
        }
        StringBuilder text = new StringBuilder(up(drawnLines));
        for (String line : lines) {
            text.append("\u001b[2K").append(line).append('\n');
        }
        int left = drawnLines - lines.size();
        if (left > 0) {
            text.append("\u001b[2K\n".repeat(left)).append(up(left));
        }
        out.print(text);
        out.flush();
        drawnLines = lines.size();
    }

    private static String up(int lines) {
        return lines == 0 ? "" : "\r\u001b[" + lines + "A";
    }

    /** Every row when they fit; else those that failed, then those still running, then the rest, and room for the count. */
    private List<Row> shown(int room) {
        if (board.size() <= room) {
            return board;
        }
        List<Row> order = new ArrayList<>();
        board.stream().filter(r -> r.code != null && r.code != ExitCode.OK).forEach(order::add);
        board.stream().filter(r -> r.code == null).forEach(order::add);
        board.stream().filter(r -> r.code == ExitCode.OK).forEach(order::add);
        return order.subList(0, room - 1);
    }

    /** One portal's row: what its watch last said. */
    private final class Row implements ProgressView {
        private final String name;
        private final UserCounter users = new UserCounter();
        private Poll poll;
        private int failures;
        private ExitCode code;
        private String message;
        private Duration elapsed = Duration.ZERO;

        Row(String name) {
            this.name = name;
        }

        @Override
        public void polled(Poll poll) {
            boolean phaseChanged = this.poll == null || poll.phaseChanged();
            this.poll = poll;
            this.elapsed = poll.elapsed();
            redraw(poll.at(), phaseChanged);
        }

        @Override
        public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
            failures = attempt;
            redraw(at, attempt == 1);
        }

        @Override
        public void recovered(Instant at, Duration outage, int failed) {
            failures = 0;
            redraw(at, true);
        }

        String line(int width) {
            String mark;
            String bar = "";
            String words;
            int cells = width >= 100 ? 20 : width >= 70 ? 10 : 0;
            if (code != null) {
                boolean ok = code == ExitCode.OK;
                mark = ok ? style.green("✓") : style.red("✗");
                bar = cells > 0 ? DisplayWidth.pad("", cells + 2, false) + "     " : "";
                words = code.outcome() + (message == null ? "" : " · " + SafeText.line(message));
            } else {
                mark = style.cyan(String.valueOf(SPINNER.charAt(tick % SPINNER.length())));
                words = poll == null ? "starting" : describe();
                int percent = poll == null ? -1 : PhaseLine.percent(poll);
                boolean running = poll != null && poll.phase().running();
                bar = running ? (cells > 0 ? Bar.draw(percent, cells, tick) + " " : "")
                        + (percent >= 0 ? String.format("%3d%%", percent) : "    ")
                        : cells > 0 ? DisplayWidth.pad("", cells + 7, false) : "    ";
                if (failures > 0) {
                    words = "retrying (" + Formats.count(failures, "failure", "failures") + ") · " + words;
                }
            }
            String row = DisplayWidth.pad(DisplayWidth.fit(name, nameWidth), nameWidth, false) + "  "
                    + (bar.isEmpty() ? "" : bar + "  ") + Formats.clock(elapsed) + "  " + words;
            return mark + " " + DisplayWidth.fit(row, width - 2);
        }

        private String describe() {
            StringBuilder text = new StringBuilder(PhaseLine.phase(poll, waitingForMigration));
            if (poll.status().isPresent()) {
                MigrationStatus status = poll.status().get();
                String migrator = PhaseLine.migrator(status);
                if (!migrator.isEmpty()) {
                    text.append(" · ").append(migrator);
                }
                String counts = PhaseLine.counts(poll, status, waitingForMigration, users);
                if (!counts.isEmpty()) {
                    text.append(" · ").append(counts);
                }
            }
            return text.toString();
        }
    }
}
