package dev.migstatus.cli;

import dev.migstatus.text.Durations;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchSettings;

import picocli.CommandLine.Option;

import java.time.Duration;

/** When to poll and when to stop. */
public final class WatchOptions implements HelpSection {

    @Override
    public String heading() {
        return "Watching";
    }

    @Option(names = "--interval", paramLabel = "DUR", defaultValue = Defaults.INTERVAL, converter = DurationConverter.class,
            description = "Time between polls: 250ms, 1.5s, 5m, 1h or seconds. Default: ${DEFAULT-VALUE}; at least " + Defaults.MIN_INTERVAL + ".")
    private Duration interval;

    @Option(names = "--timeout", paramLabel = "DUR", converter = DurationConverter.class,
            description = "Give up after this long (exit 124); the migration keeps running on the server. Default: none.")
    private Duration timeout;

    @Option(names = "--until", paramLabel = "WHAT", defaultValue = Defaults.UNTIL,
            description = "completed (default): stop when any operation completes, a parse too."
                    + " migrated: wait through 'no migration yet' and a finished parse until a migration completes.")
    private Until until;

    @Option(names = "--once", description = "Poll once, report, and exit with the state's code (9 while it runs). No retries.")
    private boolean once;

    @Option(names = "--stall-after", paramLabel = "DUR", defaultValue = Defaults.STALL_AFTER, converter = DurationConverter.class,
            description = "Warn when a running operation's progress and counts have not changed for this long."
                    + " Default: ${DEFAULT-VALUE}; 0 turns it off.")
    private Duration stallAfter;

    @Option(names = "--fail-on-stall", description = "End the watch at a stall instead of only warning (exit 10).")
    private boolean failOnStall;

    WatchSettings resolve(Duration retryFor) {
        if (interval.compareTo(Durations.parse(Defaults.MIN_INTERVAL)) < 0) {
            throw new UsageException("--interval " + Durations.format(interval) + " is too short: the minimum is " + Defaults.MIN_INTERVAL);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new UsageException("--timeout must be longer than 0");
        }
        if (failOnStall && stallAfter.isZero()) {
            throw new UsageException("--fail-on-stall needs stall detection, and --stall-after 0 turns it off: give a time, or drop one of them");
        }
        return new WatchSettings(interval, timeout, until, once, retryFor, WatchSettings.DEFAULT_EMPTY_RECHECKS, stallAfter, failOnStall);
    }
}
