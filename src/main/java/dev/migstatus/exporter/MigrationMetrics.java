package dev.migstatus.exporter;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.Phase;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exporter's series, each labelled {@code portal} with the portal's base URL, set from one
 * {@link PortalSnapshot} at a time. Written by the poller, read by scrapes at any moment: the
 * Prometheus client's metrics are safe for that.
 */
public final class MigrationMetrics {

    private static final String PORTAL = "portal";
    /** Poll durations, in seconds: loopback answers in milliseconds, a tenant of 100k users in seconds. */
    private static final double[] POLL_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Gauge up;
    private final Gauge progress;
    private final Gauge completed;
    private final Info info;
    private final Gauge users;
    private final Gauge imported;
    private final Gauge failed;
    private final Gauge errors;
    private final Gauge lastPoll;
    private final Histogram pollDuration;
    /** Each portal's info labels now shown, to take them down when they change. */
    private final Map<String, List<String>> shownInfo = new ConcurrentHashMap<>();

    public MigrationMetrics(PrometheusRegistry registry) {
        up = gauge(registry, "docspace_migration_up", "1 when the last poll of the portal got an answer, else 0");
        progress = gauge(registry, "docspace_migration_progress_ratio", "Progress of the current operation, from 0 to 1");
        completed = gauge(registry, "docspace_migration_completed", "1 when the current operation (parse or migration) has ended: completed, or failed");
        info = Info.builder().name("docspace_migration_info")
                .help("The current operation: its migrator, operation (parse, migration) and phase (none when nothing runs)")
                .labelNames(PORTAL, "migrator", "operation", "phase").register(registry);
        users = Gauge.builder().name("docspace_migration_users")
                .help("Users the archive lists: list=users (with an e-mail), without_email, existing (already on the portal)")
                .labelNames(PORTAL, "list").register(registry);
        imported = gauge(registry, "docspace_migration_users_imported", "Users the migration imported");
        failed = gauge(registry, "docspace_migration_users_failed", "Users the migration failed to import");
        errors = gauge(registry, "docspace_migration_errors", "Entries in the status's errors list");
        lastPoll = gauge(registry, "docspace_migration_last_poll_timestamp_seconds", "When the portal was last polled, answer or not");
        pollDuration = Histogram.builder().name("docspace_migration_poll_duration_seconds")
                .help("How long a poll of the portal took, answer or not")
                .labelNames(PORTAL).classicOnly().classicUpperBounds(POLL_BUCKETS).register(registry);
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).labelNames(PORTAL).register(registry);
    }

    public void record(PortalSnapshot snapshot) {
        String portal = snapshot.portal();
        lastPoll.labelValues(portal).set(snapshot.polledAt().toEpochMilli() / 1000.0);
        pollDuration.labelValues(portal).observe(snapshot.took().toNanos() / 1e9);
        up.labelValues(portal).set(snapshot.answered() ? 1 : 0);
        if (!snapshot.answered()) {
            return;
        }
        if (snapshot.status().isEmpty()) {
            removeStatus(portal);
            showInfo(portal, List.of(portal, "", "", "none"));
            return;
        }
        MigrationStatus status = snapshot.status().get();
        ParseResult result = status.parseResult();
        progress.labelValues(portal).set(status.progress() / 100);
        // Ended, as a watch judges it: a cancelled job publishes its error without isCompleted, for up to a day.
        completed.labelValues(portal).set(status.ended() ? 1 : 0);
        users.labelValues(portal, "users").set(result.users().size());
        users.labelValues(portal, "without_email").set(result.withoutEmailUsers().size());
        users.labelValues(portal, "existing").set(result.existUsers().size());
        imported.labelValues(portal).set(result.successedUsers());
        failed.labelValues(portal).set(result.failedUsers());
        errors.labelValues(portal).set(result.errors().size());
        showInfo(portal, List.of(portal, orEmpty(result.migratorName()), orEmpty(result.operationName()),
                Phase.of(status).name().toLowerCase(Locale.ROOT)));
    }

    /** The portal left the file (or this shard): its series go. */
    public void forget(String portal) {
        removeStatus(portal);
        List<String> shown = shownInfo.remove(portal);
        if (shown != null) {
            info.remove(shown.toArray(String[]::new));
        }
        up.remove(portal);
        lastPoll.remove(portal);
        pollDuration.remove(portal);
    }

    private void removeStatus(String portal) {
        for (Gauge gauge : List.of(progress, completed, imported, failed, errors)) {
            gauge.remove(portal);
        }
        for (String list : List.of("users", "without_email", "existing")) {
            users.remove(portal, list);
        }
    }

    private void showInfo(String portal, List<String> labels) {
        List<String> before = shownInfo.put(portal, labels);
        if (labels.equals(before)) {
            return;
        }
        if (before != null) {
            info.remove(before.toArray(String[]::new));
        }
        info.addLabelValues(labels.toArray(String[]::new));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
