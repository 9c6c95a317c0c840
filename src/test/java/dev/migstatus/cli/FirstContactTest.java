package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before the portal has ever answered: a typo in --host fails at once, a refused connection is
 * retried and says for how long, and the end never claims to know what runs on a portal that
 * never said anything.
 *
 * <p>Host names: the test JVM resolves names from src/test/resources/no-dns.hosts alone (pom.xml,
 * {@code jdk.net.hosts.file}), so {@code portal.invalid} fails on this machine, and the reserved
 * {@code .invalid} top-level domain would not resolve anywhere else either: no DNS query leaves.
 */
class FirstContactTest {

    private static final String KEY = "sk-0123456789abcdef0123456789abcdef";

    private String closedPortUrl;

    @BeforeEach
    void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void aHostNameThatDoesNotResolveFailsAtOnce() {
        Result r = new CliRun().run("--host", "https://portal.invalid", "--key", KEY);
        assertEquals(7, r.exitCode(), r.all());
        assertEquals("migstatus: portal.invalid unreachable (host name not found); check --host", r.err().strip());
        assertTrue(r.sleeps().isEmpty(), "not retried: " + r.sleeps());
    }

    @Test
    void logsFailsAtOnceOnATypoToo() {
        Result r = new CliRun().run("logs", "--host", "https://portal.invalid", "--key", KEY);
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("unreachable (host name not found); check --host"), r.err());
        assertTrue(r.sleeps().isEmpty(), "not retried: " + r.sleeps());
    }

    @Test
    void aRefusedConnectionIsRetriedAndTheFirstLineSaysForHowLong() {
        Result r = new CliRun().run("--host", closedPortUrl, "--key", KEY, "--retry-for", "1m");
        assertEquals(7, r.exitCode(), r.all());
        String authority = closedPortUrl.substring("http://".length());
        assertEquals("migstatus: " + authority + " unreachable (connection refused); retrying for up to 1m (--retry-for),"
                + " next try in 2s…", r.err().lines().findFirst().orElseThrow());
        assertTrue(r.sleeps().size() > 3, "retried: " + r.sleeps());
    }

    @Test
    void aTimeoutBeforeAnyAnswerSaysThePortalNeverAnswered() {
        Result r = new CliRun().run("--host", closedPortUrl, "--key", KEY, "--timeout", "3s");
        assertEquals(124, r.exitCode(), r.all());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).endsWith("retrying for up to 3s (the time limit), next try in 2s…"), r.err());
        assertEquals("migstatus: Timed out after 3s; the portal never answered (last: connection refused)", lines.get(lines.size() - 1));
        assertFalse(r.all().contains("no migration"), "nothing is known about its migrations: " + r.all());
    }

    @Test
    void jsonSaysThePortalNeverAnsweredToo() {
        Result r = new CliRun().run("--host", closedPortUrl, "--key", KEY, "--timeout", "3s", "-o", "json");
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("timeout", doc.get("outcome").getAsString());
        assertEquals("Timed out after 3s; the portal never answered (last: connection refused)", doc.get("message").getAsString());
        assertTrue(doc.get("status").isJsonNull());
    }

    @Test
    void ctrlCBeforeAnyAnswerSaysThePortalNeverAnswered() {
        CliRun run = new CliRun();
        run.onSleep(d -> run.cancellation().cancel());
        Result r = run.run("--host", closedPortUrl, "--key", KEY);
        assertEquals(130, r.exitCode(), r.all());
        assertTrue(r.err().contains("Stopped; the portal never answered (last: connection refused)"), r.err());
    }
}
