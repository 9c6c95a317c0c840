package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.watch.WatchSettings;

/**
 * Everything one portal's watch needs, resolved and checked from the options: which portal, when
 * to stop, what counts as success, how to show it, what files to leave, how to reach it, and whom
 * to tell when it ends.
 */
record WatchPlan(Connection connection, WatchSettings settings, FailurePolicy policy, OutputSettings output, Reports reports,
                 NetworkOptions.Network network, NotifySettings notifications) {
}
