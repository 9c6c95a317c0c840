package dev.migstatus.render.report;

import dev.migstatus.outcome.ExitCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fleet ended with: its exit code (the most severe of its portals'), one sentence, and
 * each portal's own report under the name its rows and lines use.
 */
public record FleetResult(ExitCode code, Duration elapsed, String message, List<Portal> portals) {

    /** @param name the portal's short name */
    public record Portal(String name, FinalReport report) {
    }

    /** {@code 3 portals: 2 ok, 1 completed with failures}: the outcomes, most severe last as the exit-code order has them. */
    public static String sentence(List<Portal> portals) {
        Map<Integer, Integer> counts = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        for (Portal p : portals) {
            counts.merge(p.report().code().code(), 1, Integer::sum);
            names.put(p.report().code().code(), p.report().code().outcome().replace('_', ' '));
        }
        StringBuilder text = new StringBuilder(portals.size() + " portals:");
        String separator = " ";
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            text.append(separator).append(e.getValue()).append(' ').append(names.get(e.getKey()));
            separator = ", ";
        }
        return text.toString();
    }
}
