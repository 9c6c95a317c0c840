package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A watch of hours rides through the faults proxies and load balancers produce: one short test per
 * fault, which is why it is long.
 */
class ResilienceTest {

    private static final String KEY = "sk-resilience-0123456789";

    @RegisterExtension
    final Portal portal = new Portal();

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private static ResponseDefinitionBuilder running() {
        return fixture("migration-running");
    }

    private static ResponseDefinitionBuilder badGateway() {
        return aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK"})
    void recoversFromConnectionFaults(Fault fault) {
        portal.statusSequence(fixture("migration-running"), aResponse().withFault(fault), aResponse().withFault(fault),
                fixture("migration-completed-clean"));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(4, portal.statusRequests().size());
        assertEquals(1, r.err().lines().filter(l -> l.contains("retrying for up to")).count(), "one line per streak: " + r.err());
        assertTrue(r.err().contains("answers again after"), r.err());
        assertTrue(r.out().contains("Migration completed"), r.out());
    }

    @Test
    void recoversFromBadGatewayPagesAndSaysWhatHappened() {
        portal.statusSequence(running(), badGateway(), badGateway(), badGateway(), fixture("migration-completed-clean"));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("migstatus: 502 Bad Gateway from 127.0.0.1:" + portal.port() + "; retrying for up to 5m (--retry-for),"
                        + " next try in 2s…",
                r.err().lines().findFirst().orElseThrow());
        assertTrue(r.err().contains("answers again after 14s (3 failed attempts)"), r.err());
        assertEquals(List.of(INTERVAL, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), r.sleeps());
    }

    @Test
    void recoversFromATruncatedBody() {
        String body = Fixtures.body("migration-running");
        portal.statusSequence(Portal.json(body.substring(0, body.length() / 2)), fixture("migration-completed-clean"));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("garbled or cut-off answer"), r.err());
    }

    /** A real slow socket: the server holds its answer 15 times longer than the request may take. */
    @Test
    void aHungServerCannotHangTheWatchOnARealSlowSocket() {
        portal.statusSequence(fixture("migration-running").withFixedDelay(3_000), fixture("migration-completed-clean"));
        Result r = watch(new CliRun(), "--request-timeout", "200ms");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("did not answer within 200ms; retrying for up to"), r.err());
    }

    /** A real slow socket: half an answer, then nothing until the test ends. */
    @Test
    void aServerThatStallsInTheMiddleOfTheBodyIsCutOffOnARealSlowSocket() throws IOException {
        // WireMock holds the headers back with the body; a bare JDK server sends half an answer and stops.
        byte[] running = Fixtures.body("migration-running").getBytes(StandardCharsets.UTF_8);
        byte[] done = Fixtures.body("migration-completed-clean").getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stalling.setExecutor(Executors.newCachedThreadPool());
        stalling.createContext(Portal.STATUS, exchange -> {
            if (requests.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(200, running.length);
                exchange.getResponseBody().write(running, 0, running.length / 2);
                exchange.getResponseBody().flush();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                exchange.sendResponseHeaders(200, done.length);
                exchange.getResponseBody().write(done);
            }
            exchange.close();
        });
        stalling.start();
        try {
            Result r = new CliRun().run("--host", "http://127.0.0.1:" + stalling.getAddress().getPort(), "--key", KEY,
                    "--request-timeout", "300ms");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.err().contains("did not send the whole answer within 300ms; retrying for up to"), r.err());
        } finally {
            release.countDown();
            stalling.stop(0);
        }
    }

    @Test
    void honoursRetryAfterSeconds() {
        portal.statusSequence(running(), aResponse().withStatus(429).withHeader("Retry-After", "17"), fixture("migration-completed-clean"));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(INTERVAL, Duration.ofSeconds(17)), r.sleeps());
        assertTrue(r.err().contains("429 Too Many Requests from 127.0.0.1:" + portal.port() + "; retrying for up to 5m (--retry-for), next try in 17s…"), r.err());
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        // The fake clock starts at 2026-11-27T08:00:00Z.
        portal.statusSequence(aResponse().withStatus(503).withHeader("Retry-After", "Fri, 27 Nov 2026 08:01:00 GMT"),
                running(), fixture("migration-completed-clean"));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(Duration.ofSeconds(60), INTERVAL), r.sleeps());
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() {
        portal.statusSequence(aResponse().withStatus(429), aResponse().withStatus(429), running(), fixture("migration-completed-clean"));
        Result r = watch(new CliRun().random(0.25), "--interval", "4s");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4)), r.sleeps(),
                "full jitter: 0.25 × 4s×2, then 0.25 × 4s×4; then the 4 s interval");
    }

    @Test
    void theRetryBudgetRunsOutAtTheRightTime() {
        portal.status(aResponse().withStatus(503));
        Result r = watch(new CliRun(), "--retry-for", "1m");
        assertEquals(7, r.exitCode(), r.all());
        // Half of each ceiling (2 s × 2ⁿ, capped at 30 s); the last wait is cut to end at 60 s, where the last try is.
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
                Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(1)), r.sleeps());
        assertEquals(8, portal.statusRequests().size());
        assertTrue(r.err().lines().reduce((a, b) -> b).orElseThrow().contains("503 Service Unavailable from 127.0.0.1"), r.err());
    }

    @Test
    void aLongOutageIsNeverSilent() {
        portal.statusSequence(running(), aResponse().withStatus(503));
        Result r = watch(new CliRun(), "--retry-for", "3m");
        assertEquals(7, r.exitCode(), r.all());
        long notices = r.err().lines().filter(l -> l.contains("still failing after")).count();
        assertTrue(notices >= 4, "a line at least every 30 s of a 3-minute outage: " + r.err());
    }

    @Test
    void httpsToAPlainHttpPortSaysSo() {
        portal.status(running());
        Result r = new CliRun().run("--host", "https://127.0.0.1:" + portal.port(), "--key", KEY);
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("does not speak TLS on that port"), r.err());
        assertTrue(r.err().contains("use --host http://127.0.0.1:" + portal.port()), r.err());
        assertFalse(r.err().contains("retrying"), "not a passing fault: " + r.err());
    }

    @Test
    void aSuccessResetsTheBudget() {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int streak = 0; streak < 3; streak++) {
            answers.add(aResponse().withStatus(503));
            answers.add(aResponse().withStatus(503));
            answers.add(fixture("migration-running"));
        }
        answers.add(fixture("migration-completed-clean"));
        portal.statusSequence(answers.toArray(ResponseDefinitionBuilder[]::new));
        Result r = watch(new CliRun(), "--retry-for", "5s");
        assertEquals(0, r.exitCode(), "each streak lasts 2+4 s, cut to 5 s; none alone exhausts it: " + r.all());
        assertEquals(3, r.err().lines().filter(l -> l.contains("retrying for up to")).count());
    }

    @Test
    void retryForZeroFailsAtTheFirstError() {
        portal.status(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Result r = watch(new CliRun(), "--retry-for", "0");
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.sleeps().isEmpty(), "migstatus does not wait to try again");
        assertTrue(r.err().contains("unreachable (connection"), r.err());
    }

    @Test
    void theTimeoutWinsOverRetries() {
        portal.status(aResponse().withStatus(503));
        Result r = watch(new CliRun(), "--timeout", "10s", "--retry-for", "5m");
        assertEquals(124, r.exitCode(), r.all());
        assertEquals(Duration.ofSeconds(10), r.sleeps().stream().reduce(Duration.ZERO, Duration::plus), "never sleeps past it");
    }

    /**
     * A real slow socket: the second answer is held 30 s, the request may take the 1 s left of the
     * timeout (the fake clock stands at 2 s of 3). The request always loses, whatever the machine.
     */
    @Test
    void aRequestCutShortByTheTimeoutIsNotBlamedOnThePortalOnARealSlowSocket() {
        portal.statusSequence(running(), running().withFixedDelay(30_000));
        Result r = watch(new CliRun(), "--timeout", "3s", "--interval", "2s");
        assertEquals(124, r.exitCode(), r.all());
        assertFalse(r.err().contains("retrying"), "no retry is announced that the deadline will not allow: " + r.err());
    }

    @Test
    void unauthorizedIsNeverRetried() {
        portal.status(aResponse().withStatus(401));
        Result r = watch(new CliRun());
        assertEquals(5, r.exitCode());
        assertEquals(1, portal.statusRequests().size());
    }

    /** A 5xx envelope is retried (see RealServerTest): DocSpace's status answers one only when its database or cache fails. */
    @Test
    void aClientErrorEnvelopeIsNotRetried() {
        portal.status(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Value cannot be null. (Parameter 'id')\"},\"status\":1,\"statusCode\":400}"));
        Result r = watch(new CliRun());
        assertEquals(8, r.exitCode(), r.all());
        assertEquals(1, portal.statusRequests().size());
        assertTrue(r.err().contains("400 Bad Request from 127.0.0.1:" + portal.port()
                + ": Value cannot be null. (Parameter 'id')"), r.err());
    }

    @Test
    void notFoundIsNeverRetried() {
        portal.status(aResponse().withStatus(404));
        assertEquals(8, watch(new CliRun()).exitCode());
        assertEquals(1, portal.statusRequests().size());
    }

    @Test
    void anOversizedAnswerIsRefusedNotAnOutOfMemoryError() {
        portal.status(fixture("migration-running"));
        Result r = watch(new CliRun(), "--max-response-size", "1KB");
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("larger than"), r.err());
        assertTrue(r.err().contains("--max-response-size"), r.err());
        assertEquals(1, portal.statusRequests().size(), "not retried");
    }

    @Test
    void deeplyNestedJsonIsAProtocolErrorNotAStackTrace() {
        portal.status(Portal.json("{\"response\":{\"parseResult\":{\"x\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}}}"));
        Result r = watch(new CliRun());
        assertEquals(8, r.exitCode(), r.all());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void theLiveLineIsRedrawnAfterARetryMessage() {
        portal.statusSequence(fixture("migration-running"), aResponse().withStatus(503), fixture("migration-completed-clean"));
        Result r = watch(new CliRun().terminal(120));
        assertEquals(0, r.exitCode(), r.all());
        String out = r.out();
        int clearedForMessage = out.indexOf("\r\u001b[2K", out.indexOf("15%"));
        assertTrue(out.indexOf("15%", clearedForMessage) > clearedForMessage, "the last known state is drawn again: " + out);
    }
}
