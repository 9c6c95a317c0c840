package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.watch.WatchSettings;

import java.util.List;

/**
 * Everything a fleet's watch needs: its portals, each with its key, and the settings they all
 * share; {@code maxInFlight} bounds the requests on their way at once.
 */
record FleetPlan(List<Connection> portals, WatchSettings settings, FailurePolicy policy, OutputSettings output, Reports reports,
                 NetworkOptions.Network network, NotifySettings notifications, int maxInFlight) {
}
