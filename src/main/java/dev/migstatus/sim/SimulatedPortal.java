package dev.migstatus.sim;

import dev.migstatus.docspace.MigrationApi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DocSpace portal that plays a {@link Scenario} on its migration endpoints, {@code status} and
 * {@code logs}, answering as the real server does (see the README's "Try it without a portal").
 *
 * <p>It listens on a loopback address only: it serves no TLS and anyone who can reach it gets the
 * scenario, so it must never be reachable from another machine. Time is read from the given
 * clock, so a test with a fake clock plays a whole scenario in milliseconds.
 *
 * <p>It can also serve many portals on one port, {@code /p1} … {@code /pN}, for a fleet: each
 * plays its own copy of the scenario, whose clock starts at that portal's first request; they
 * share the worked-out answers, so a thousand portals cost little more memory than one.
 *
 * <p>A little over the usual size: its settings, the request's way from path and key to answer, and
 * the faults read best together; the answers themselves live in {@link Timeline}, {@link OperationLog}
 * and {@link ServerBodies}.
 */
public final class SimulatedPortal implements AutoCloseable {

    /** The key that rehearses a signed-in user who is not a DocSpace admin: it gets the 403. */
    public static final String NOT_AN_ADMIN_KEY = "not-an-admin";

    /** The endpoints it serves: the ones the client reads. */
    static final String STATUS_PATH = "/" + MigrationApi.STATUS_PATH;
    static final String LOGS_PATH = "/" + MigrationApi.LOGS_PATH;
    /** Where portal N of several lives: {@code /pN} in front of the API path. */
    private static final Pattern PORTAL_PREFIX = Pattern.compile("/p([0-9]+)(/.*)");
    private static final String JSON = "application/json; charset=utf-8";
    /** 127.0.0.1 itself, not whatever "localhost" resolves to. */
    public static final InetAddress LOOPBACK = loopbackAddress();
    private static final String DELETE_COOKIE = "asc_auth_key=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";

    /** Hears about every answer, for a request log. */
    @FunctionalInterface
    public interface RequestLog {
        RequestLog NONE = (at, method, path, status, what) -> { };

        /**
         * @param at     scenario time
         * @param status the HTTP status, 0 when the connection was closed without one
         */
        void answered(Duration at, String method, String path, int status, String what);
    }

    /**
     * @param address where to listen: a loopback address, nothing else
     * @param port    0 for a free one
     * @param speed   scenario seconds per real second
     * @param portals how many portals to serve: one at the root, or more at {@code /p1} … {@code /pN},
     *                each playing its own copy of the scenario from its own first request
     */
    public record Settings(InetAddress address, int port, String key, double speed, int portals) {
        /** The most portals one simulator serves: a fleet benchmark needs a thousand. */
        public static final int MAX_PORTALS = 100_000;

        public Settings {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(address.getHostAddress() + " is not a loopback address");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not from 0 to 65535");
            }
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be above 0");
            }
            if (key.isBlank() || key.equals(NOT_AN_ADMIN_KEY)) {
                throw new IllegalArgumentException("the key cannot be empty or " + NOT_AN_ADMIN_KEY);
            }
            if (portals < 1 || portals > MAX_PORTALS) {
                throw new IllegalArgumentException("portals must be from 1 to " + MAX_PORTALS);
            }
        }

        /** One portal. */
        public Settings(InetAddress address, int port, String key, double speed) {
            this(address, port, key, speed, 1);
        }

        /** 127.0.0.1 on a free port, at real speed. */
        public static Settings loopback(String key) {
            return new Settings(LOOPBACK, 0, key, 1);
        }

        /** The same settings, serving {@code count} portals. */
        public Settings withPortals(int count) {
            return new Settings(address, port, key, speed, count);
        }
    }

    private final Timeline timeline;
    private final ServerVersion release;
    private final Settings settings;
    private final RequestLog log;
    private final KeyCheck keys;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScenarioClocks clocks;

    private SimulatedPortal(Scenario scenario, Settings settings, Clock clock, RequestLog log) throws IOException {
        this.timeline = Timeline.of(scenario);
        this.release = scenario.server();
        this.settings = settings;
        this.log = log;
        this.keys = new KeyCheck(settings.key(), NOT_AN_ADMIN_KEY);
        this.clocks = new ScenarioClocks(settings.portals(), clock, settings.speed());
        this.server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 0);
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "migstatus-simulated-portal");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** @throws IOException when the address cannot be bound (the port is taken) */
    public static SimulatedPortal start(Scenario scenario, Settings settings, Clock clock, RequestLog log) throws IOException {
        SimulatedPortal portal = new SimulatedPortal(scenario, settings, clock, log);
        portal.server.start();
        return portal;
    }

    private static InetAddress loopbackAddress() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A fresh API key, so that a rehearsal uses the same header as the real thing. */
    public static String newKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "sk-" + HexFormat.of().formatHex(bytes);
    }

    /** What {@code --host} takes to reach this portal, or the server of several. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    /** What {@code --host} takes to reach portal {@code n}, from 1; with one portal, {@link #url()}. */
    public URI url(int n) {
        if (n < 1 || n > settings.portals()) {
            throw new IllegalArgumentException("no portal " + n + " of " + settings.portals());
        }
        return settings.portals() == 1 ? url() : URI.create(url() + "/p" + n);
    }

    public String key() {
        return settings.key();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int portal = 0;
        if (settings.portals() > 1) {
            Matcher prefix = PORTAL_PREFIX.matcher(path);
            portal = prefix.matches() ? clocks.index(prefix.group(1)) : -1;
            if (portal < 0) {
                send(exchange, 404, null, "", Duration.ZERO, "no such portal: they are /p1 to /p" + settings.portals());
                return;
            }
            path = prefix.group(2);
        }
        boolean status = path.equals(STATUS_PATH);
        if (!status && !path.equals(LOGS_PATH)) {
            send(exchange, 404, null, "", clocks.now(portal), "no such endpoint");
            return;
        }
        if (!method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, null, "", clocks.now(portal), "only GET");
            return;
        }
        KeyCheck.Admission admission = keys.judge(exchange.getRequestHeaders());
        if (admission == KeyCheck.Admission.REJECTED || admission == KeyCheck.Admission.REJECTED_COOKIE) {
            if (admission == KeyCheck.Admission.REJECTED_COOKIE) {
                exchange.getResponseHeaders().add("Set-Cookie", DELETE_COOKIE);
            }
            send(exchange, 401, null, "", clocks.now(portal), "wrong or missing key");
            return;
        }
        if (admission == KeyCheck.Admission.NOT_ADMIN) {
            send(exchange, 403, JSON, ServerBodies.NOT_ADMIN, clocks.now(portal), "key " + NOT_AN_ADMIN_KEY);
            return;
        }
        clocks.start(portal);
        Duration at = clocks.now(portal);
        Timeline.Step step = timeline.at(at);
        Answer.Fault fault = step.fault();
        if (fault != null) {
            fault(exchange, fault, at, step.label());
        } else if (status) {
            List<String> fields = release.honoursFields() ? FieldsFilter.names(exchange.getRequestURI().getRawQuery()) : List.of();
            send(exchange, 200, JSON, ServerBodies.envelope(step.statusText(fields), Replies.href(exchange)), at,
                    fields.isEmpty() ? step.label() : step.label() + " (fields)");
        } else {
            int index = portal;
            OperationLog.Reply reply = step.log().reply(release, t -> clocks.wallTime(index, t), clocks.zone());
            send(exchange, reply.status(), reply.contentType(), reply.body(), at, reply.label());
        }
    }

    private void fault(HttpExchange exchange, Answer.Fault fault, Duration at, String label) throws IOException {
        FaultKind kind = fault.kind();
        if (kind == FaultKind.RESET) {
            // Closing before any answer drops the connection: the client reads no bytes at all.
            log.answered(at, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), 0, label);
            return;
        }
        if (kind == FaultKind.TOO_MANY_REQUESTS) {
            Headers headers = exchange.getResponseHeaders();
            if (fault.retryAfterSeconds() != null) {
                headers.set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
            headers.set("X-RateLimit-Limit", "1500");
            headers.set("X-RateLimit-Remaining", "0");
            send(exchange, 429, null, "", at, label);
            return;
        }
        if (kind == FaultKind.SERVER_ERROR) {
            send(exchange, 500, JSON, ServerBodies.DATABASE_DOWN, at, label);
            return;
        }
        send(exchange, kind.httpStatus(), "text/html", ServerBodies.proxyPage(kind.httpStatus(), kind.reason()), at, label);
    }

    private void send(HttpExchange exchange, int status, String contentType, String body, Duration at, String what)
            throws IOException {
        // Logged before the answer leaves: once the client has it, it may stop the simulator at once.
        log.answered(at, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), status, what);
        Replies.send(exchange, status, contentType, body);
    }
}
