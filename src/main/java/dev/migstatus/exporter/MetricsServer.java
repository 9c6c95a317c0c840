package dev.migstatus.exporter;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code GET /metrics} (the Prometheus client's own handler, with its content negotiation
 * and gzip) and {@code GET /healthz}; {@code /} says where to look, anything else is 404.
 */
public final class MetricsServer implements AutoCloseable {

    /** Scrapes are few and small: two threads answer them, however many portals there are. */
    private static final int THREADS = 2;

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * @param healthy whether the poller still runs: {@code /healthz} answers 200, else 503
     * @throws IOException when the address cannot be bound
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry, BooleanSupplier healthy)
            throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "migstatus-metrics");
            t.setDaemon(true);
            return t;
        });
        HTTPServer server = HTTPServer.builder()
                .inetAddress(address.getAddress())
                .port(address.getPort())
                .registry(registry)
                .executorService(threads)
                .registerHealthHandler(false)
                .defaultHandler(exchange -> other(exchange, healthy))
                .buildAndStart();
        return new MetricsServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void other(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "only GET\n");
            } else if (path.equals("/healthz")) {
                boolean ok = healthy.getAsBoolean();
                send(exchange, ok ? 200 : 503, ok ? "ok\n" : "the poller has stopped\n");
            } else if (path.equals("/")) {
                send(exchange, 200, "migstatus exporter: metrics at /metrics, health at /healthz\n");
            } else {
                send(exchange, 404, "not found: metrics are at /metrics\n");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
