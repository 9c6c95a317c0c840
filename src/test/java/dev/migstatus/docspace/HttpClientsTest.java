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

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
