package dev.migstatus.cli;

import dev.migstatus.outcome.FleetExitCode;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Many portals in one watch: where they are listed and how many requests may be on their way at once. */
public final class FleetOptions implements HelpSection {

    /** Past this, requests only queue inside the JDK's HTTP client and the portals' proxies. */
    private static final int MOST_IN_FLIGHT = 1024;

    @Override
    public String heading() {
        return "Many portals (two or more make a fleet: exit code " + FleetExitCode.ORDER_TEXT + ")";
    }

    @Option(names = "--portals", paramLabel = "FILE",
            description = "Watch the portals listed in FILE too, all at once, as with --host given more than once: one a line, the URL and optionally key-file=PATH or"
                    + " key-env=NAME for its own key; blank lines and # comments are ignored. A fleet exits with the most"
                    + " severe of its portals' codes: first what a person must fix (a bug, options, a key, an address),"
                    + " then a failed migration, then portals not followed to their end, then the milder results.")
    private Path portals;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = Defaults.MAX_IN_FLIGHT,
            description = "Requests on their way at once in a fleet; the others wait their turn. Default: ${DEFAULT-VALUE}.")
    private int maxInFlight;

    /** Null when not given. */
    Path portalsFile() {
        return portals;
    }

    int maxInFlight() {
        if (maxInFlight < 1 || maxInFlight > MOST_IN_FLIGHT) {
            throw new UsageException("--max-in-flight " + maxInFlight + ": give a number from 1 to " + MOST_IN_FLIGHT);
        }
        return maxInFlight;
    }
}
