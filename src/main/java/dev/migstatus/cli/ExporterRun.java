package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.exporter.ExportedPortal;
import dev.migstatus.exporter.MetricsServer;
import dev.migstatus.exporter.MigrationMetrics;
import dev.migstatus.fleet.FleetDriver;
import dev.migstatus.fleet.Shard;
import dev.migstatus.fleet.Waiter;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.Style;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.StatusSource;
import dev.migstatus.watch.WatchSettings;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exporter, wired: registry, /metrics server, one transport, each portal on the fleet
 * scheduler until Ctrl-C. Apart from {@link ExporterCommand} so that the Prometheus client's
 * classes are loaded only by the exporter, never by a watch.
 *
 * @param total how many portals the file and --host name, this shard's or not
 */
record ExporterRun(Context context, List<Connection> mine, int total, Shard share, InetSocketAddress address, Duration interval,
                   int maxInFlight, NetworkOptions.Network network) {

    int run() {
        Messages messages = new Messages(context.err(), Style.PLAIN);
        PrometheusRegistry registry = new PrometheusRegistry();
        MigrationMetrics metrics = new MigrationMetrics(registry);
        AtomicBoolean polling = new AtomicBoolean(true);
        try (MetricsServer server = start(registry, polling);
             HttpTransport transport = network.open(mine, context.cancellation())) {
            context.out().println("migstatus exporter: " + mine.size() + " of " + total + " portals"
                    + (share.count() > 1 ? " (shard " + share + ")" : "") + ", each every " + Durations.format(interval)
                    + "; metrics at http://" + hostText() + ":" + server.port() + "/metrics; Ctrl-C stops it");
            context.out().flush();
            poll(metrics, transport, messages);
            polling.set(false);
        }
        context.err().println("migstatus: exporter stopped");
        context.err().flush();
        return ExitCode.OK.code();
    }

    private void poll(MigrationMetrics metrics, HttpTransport transport, Messages messages) {
        List<ExportedPortal> members = new ArrayList<>();
        for (Connection c : mine) {
            DocSpaceClient client = new DocSpaceClient(c, transport, network.client(), HttpTrace.NONE);
            members.add(new ExportedPortal(c.portal().toString(), StatusSource.of(client), metrics, interval,
                    network.client().requestTimeout(), WatchSettings.DEFAULT_FULL_EVERY, context.clock(), messages::warning));
        }
        ExecutorService pool = FleetDriver.pool(maxInFlight, "migstatus-exporter");
        try {
            if (members.isEmpty()) {
                messages.warning("this shard holds none of the portals: it serves no portal's series");
                context.awaitCancellation();
            } else {
                new FleetDriver<ExportedPortal.Polled, Void>(context.clock(), Waiter.of(context.clock(), context.sleeper()), pool,
                        maxInFlight, interval, context.cancellation()::isCancelled).run(members);
            }
        } finally {
            pool.shutdownNow();
            // Ctrl-C interrupts the main thread; closing the server and client must not inherit it.
            Thread.interrupted();
        }
    }

    private MetricsServer start(PrometheusRegistry registry, AtomicBoolean polling) {
        try {
            return MetricsServer.start(address, registry, polling::get);
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + hostText() + ":" + address.getPort() + " (" + e.getMessage()
                    + "); choose another --listen");
        }
    }

    private String hostText() {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
