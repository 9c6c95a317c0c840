package dev.migstatus.render.progress;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.watch.Poll;

import java.time.Duration;

/**
 * The words of one live line, fitted to the terminal: phase and migrator, a bar and the percent,
 * the elapsed time, a note (the time left, or the next retry), then counts. When the line is too
 * narrow the counts go first, then the bar shrinks and goes, then the note, so the percent and the
 * elapsed time stay readable. Only server text is measured; the bar's width is known.
 */
final class LiveLine {

    /** How the phase a line shows stands. */
    enum State {
        /** Still going: the bar moves, the note may say how long is left. */
        RUNNING,
        /** Ended as it should: a phase with a percent shows it full. */
        DONE,
        /** Ended otherwise (failed, gone): the bar stays where it was last seen. */
        STOPPED,
        /** A wait rather than work (nothing running yet, a parse waiting for users): no bar at all. */
        WAITED
    }

    private static final int BAR_CELLS = 20;
    private static final int MIN_ROOM = 10;

    private LiveLine() {
    }

    /**
     * @param head    the phase and what runs it, as said to the user
     * @param poll    the answer the line shows, or null before the first one
     * @param elapsed the time to show: since the watch started, or when the phase ended
     * @param note    the time left or the next retry, or ""
     * @param room    the columns the words may take
     */
    static String fit(String head, Poll poll, State state, Duration elapsed, String note, String counts, int tick, int room) {
        int percent = percent(poll, state);
        boolean meter = poll != null && (state == State.RUNNING && poll.phase().running()
                || state == State.DONE && percent >= 0 || state == State.STOPPED && percent >= 0);
        String clock = "  " + Formats.clock(elapsed);
        String tail = note.isEmpty() ? "" : "  " + note;
        int headWidth = DisplayWidth.of(head);
        int space = Math.max(MIN_ROOM, room);
        for (int cells : new int[] {BAR_CELLS, BAR_CELLS / 2, 0}) {
            // Without its bar, a percent not known yet leaves nothing to show: no blank columns for it.
            boolean shown = meter && (cells > 0 || percent >= 0);
            int meterWidth = shown ? 2 + (cells > 0 ? cells + 3 : 0) + 4 : 0;
            if (headWidth + meterWidth + clock.length() + tail.length() <= space || cells == 0) {
                if (headWidth + meterWidth + clock.length() + tail.length() > space) {
                    tail = "";
                }
                String fitted = DisplayWidth.fit(head, Math.max(1, space - meterWidth - clock.length() - tail.length()));
                String text = fitted + (shown ? meter(percent, cells, tick) : "") + clock + tail;
                int used = DisplayWidth.of(fitted) + meterWidth + clock.length() + tail.length();
                return counts.isEmpty() || used + 2 + DisplayWidth.of(counts) > space ? text : text + "  " + counts;
            }
        }
        throw new AssertionError("the last try always fits");
    }

    /** The phase and the migrator: {@code migrating · Nextcloud}. */
    static String head(String phase, MigrationStatus status) {
        String migrator = status == null ? "" : PhaseLine.migrator(status);
        return migrator.isEmpty() ? phase : phase + " · " + migrator;
    }

    private static String meter(int percent, int cells, int tick) {
        return "  " + (cells > 0 ? Bar.draw(percent, cells, tick) + " " : "") + (percent >= 0 ? String.format("%3d%%", percent) : "    ");
    }

    /** -1 when unknown: the server sits at 0–1 %, or the phase has none. */
    private static int percent(Poll poll, State state) {
        if (poll == null) {
            return -1;
        }
        if (state == State.DONE) {
            Phase phase = poll.phase();
            return phase == Phase.PARSING || phase == Phase.MIGRATING ? 100 : -1;
        }
        return PhaseLine.percent(poll);
    }
}
