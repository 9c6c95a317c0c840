package dev.migstatus.outcome;

import java.util.Collection;
import java.util.List;

/**
 * A fleet's exit code: the most severe of its portals' codes. The order puts first what a person
 * must fix before any portal can be watched (a bug, bad options, a key or address that is wrong),
 * then a migration that failed, then portals that could not be followed to their end (down,
 * timed out, stalled), then the milder results, so that 0 means every portal completed cleanly.
 * A fleet the user stopped exits 130 whatever its portals said: its verdict is not complete.
 */
public final class FleetExitCode {

    /** Most severe first. */
    public static final List<Integer> ORDER = List.of(70, 2, 5, 6, 8, 3, 7, 124, 10, 1, 9, 4, 0);

    public static final int STOPPED = 130;

    /** The order in one line, for --help and the README. */
    public static final String ORDER_TEXT = "70, 2, 5, 6, 8, 3, 7, 124, 10, 1, 9, 4, 0 (most severe first); 130 when stopped";

    private FleetExitCode() {
    }

    /** The same over the portals' {@link ExitCode}s. */
    public static ExitCode ofCodes(Collection<ExitCode> codes) {
        int worst = of(codes.stream().map(ExitCode::code).toList());
        for (ExitCode code : ExitCode.values()) {
            if (code.code() == worst) {
                return code;
            }
        }
        throw new IllegalStateException("exit code " + worst + " is in the fleet order but not in ExitCode");
    }

    /**
     * @param codes each portal's exit code; 130 from any portal means the user stopped the fleet
     * @throws IllegalArgumentException for no codes, or a code that is not in {@link #ORDER}
     */
    public static int of(Collection<Integer> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a fleet has portals");
        }
        if (codes.contains(STOPPED)) {
            return STOPPED;
        }
        int worst = ORDER.size();
        for (int code : codes) {
            int rank = ORDER.indexOf(code);
            if (rank < 0) {
                throw new IllegalArgumentException("exit code " + code + " has no place in the fleet order");
            }
            worst = Math.min(worst, rank);
        }
        return ORDER.get(worst);
    }
}
