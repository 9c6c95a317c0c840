package dev.migstatus.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The migration log as DocSpace keeps it at one moment of a scenario. The server writes an
 * operation's log to storage only when the operation ends ({@code MigrationOperation}'s
 * {@code finally}), and every operation starts a new one: while one runs there is no file, and once
 * a migration starts the parse's log is out of reach. Each line is {@code {DateTime.Now:s}: {message}}
 * in the server's local time; an exception's message follows on a line of its own
 * ({@code MigrationLogger.Log}).
 *
 * @param lines the current operation's lines so far, each at the scenario time of its frame
 */
record OperationLog(State state, List<Line> lines) {

    /** Whether there is a log to read. */
    enum State {
        /** No task on the portal: {@code GET logs} says no migration is in progress. */
        NO_TASK,
        /** An operation runs: its log file does not exist yet. */
        RUNNING,
        /** The operation has ended: its log is there. */
        ENDED
    }

    /** One entry; {@code text} may hold a second line, an exception's message. */
    record Line(Duration at, String text) {
    }

    static final OperationLog NONE = new OperationLog(State.NO_TASK, List.of());

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    OperationLog {
        lines = List.copyOf(lines);
    }

    /** How {@code GET logs} is answered. */
    record Reply(int status, String contentType, String body, String label) {
    }

    /**
     * {@code GET logs}: the last operation's log once it has ended; DocSpace's error before, as the
     * release answers it.
     *
     * @param wallTime when a scenario time happened on the server's clock
     */
    Reply reply(ServerVersion release, Function<Duration, Instant> wallTime, ZoneId zone) {
        String json = "application/json; charset=utf-8";
        return switch (state) {
            case NO_TASK -> {
                int code = release.noTaskIs404() ? 404 : 500;
                yield new Reply(code, json, ServerBodies.noTask(code), "no migration");
            }
            case RUNNING -> {
                int code = release.missingLogIs404() ? 404 : 500;
                yield new Reply(code, json, ServerBodies.logNotWritten(code), "no log until the operation ends");
            }
            case ENDED -> {
                String text = text(wallTime, zone);
                long count = text.lines().count();
                yield new Reply(200, "text/plain; charset=utf-8", text, count + (count == 1 ? " log line" : " log lines"));
            }
        };
    }

    /**
     * The log file's text.
     *
     * @param wallTime when a scenario time happened on the server's clock
     */
    String text(Function<Duration, Instant> wallTime, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            String[] parts = line.text().split("\n", -1);
            out.append(SORTABLE.format(wallTime.apply(line.at()).atZone(zone))).append(": ").append(parts[0]).append('\n');
            for (int i = 1; i < parts.length; i++) {
                out.append(parts[i]).append('\n');
            }
        }
        return out.toString();
    }
}
