package dev.migstatus.docspace;

import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client of a run: no TLS where none is needed, and no thread left behind to slow the exit. */
class HttpClientsTest {

    private static final TransportSettings DEFAULTS = new TransportSettings(Duration.ofSeconds(5), null, false);

    private Portal portal;

    @BeforeEach
    void start() {
        portal = new Portal();
        portal.status(Portal.fixture("migration-running"));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void aPlainHttpClientTalksHttpAndRefusesTls() throws Exception {
        HttpClient client = HttpClients.create(DEFAULTS, false);
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(portal.url() + Portal.STATUS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(Fixtures.body("migration-running"), answer.body());
            // Nothing listens for TLS there; the client must fail before it gets that far.
            Exception refused = assertThrows(Exception.class, () -> client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + portal.port() + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()));
            assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("TLS is not set up for a plain-http portal"),
                    String.valueOf(refused));
        } finally {
            HttpClients.release(client);
        }
    }

    @Test
    void closingTheClientEndsItsSelectorThread() throws Exception {
        HttpClient[] built = new HttpClient[1];
        DocSpaceClient client = new DocSpaceClient(PortalUrl.parse(portal.url()), Credential.of("sk-0123abcd"),
                () -> built[0] = HttpClients.create(DEFAULTS, false),
                new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), ClientSettings.DEFAULT_MAX_RESPONSE_BYTES, "migstatus/test"),
                HttpTrace.NONE);
        client.status(Duration.ofSeconds(10));
        Thread selector = selectorThreadOf(built[0]);
        assertTrue(selector.isAlive(), "the client's selector thread runs");
        client.close();
        // The JVM waits up to 300 ms at exit for a thread like this one, in native code: it must end.
        selector.join(10_000);
        assertFalse(selector.isAlive());
    }

    /** Found as the JDK's own tests find it: by the id in the client's toString. */
    private static Thread selectorThreadOf(HttpClient client) {
        String text = client.toString();
        String name = "HttpClient-" + text.substring(text.lastIndexOf('(') + 1, text.lastIndexOf(')')) + "-SelectorManager";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
