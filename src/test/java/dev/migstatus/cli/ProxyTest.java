package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as curl honours them. The proxy here is a
 * stand-in on 127.0.0.1 that answers for the portal itself: portal.example resolves nowhere
 * (src/test/resources/no-dns.hosts), so an answer proves the request went through the proxy.
 */
class ProxyTest {

    private static final String KEY = "sk-proxy-0123456789abcdef";

    @RegisterExtension
    static final Portal proxy = Portal.sharedByTheClass();

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxy.port();
    }

    @Test
    void anHttpPortalIsAskedThroughHttpProxy() {
        proxy.status(fixture("migration-completed-clean"));
        Result r = new CliRun().env("HTTP_PROXY", proxyUrl()).run("--host", "http://portal.example", "--allow-http", "--key", KEY,
                "--once", "-v");
        assertEquals(0, r.exitCode(), r.all());
        LoggedRequest asked = proxy.statusRequests().get(0);
        assertEquals("portal.example", asked.getHeader("Host"), "the proxy was asked for the portal");
        assertEquals("Bearer " + KEY, asked.getHeader("Authorization"));
        assertTrue(r.err().contains("proxies from the environment: http through 127.0.0.1:" + proxy.port() + " (HTTP_PROXY)"), r.err());
    }

    /**
     * A CONNECT proxy of a few lines, for one tunnel: it notes what it was asked to reach, then
     * connects to the https portal on 127.0.0.1 whatever the name, and copies bytes both ways.
     */
    @Test
    void anHttpsPortalIsReachedThroughATunnelFromHttpsProxy() throws Exception {
        // Threads of its own: the common pool may have one thread on two cores, and both directions block.
        ExecutorService threads = Executors.newCachedThreadPool();
        try (Portal portal = Portal.https(); ServerSocket tunnel = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            portal.status(fixture("migration-completed-clean"));
            CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> {
                try (Socket client = tunnel.accept(); Socket server = new Socket(InetAddress.getLoopbackAddress(), portal.port())) {
                    BufferedReader head = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                    String request = head.readLine();
                    while (!head.readLine().isEmpty()) {
                        // headers of the CONNECT request
                    }
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    CompletableFuture<Long> up = CompletableFuture.supplyAsync(() -> copy(client, server), threads);
                    copy(server, client);
                    up.join();
                    return request;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, threads);
            Result r = new CliRun().env("HTTPS_PROXY", "127.0.0.1:" + tunnel.getLocalPort())
                    .run("--host", "https://portal.example:8443", "--key", KEY, "--insecure", "--once");
            assertEquals(0, r.exitCode(), r.all());
            assertEquals("CONNECT portal.example:8443 HTTP/1.1", asked.get(10, TimeUnit.SECONDS));
            assertEquals("Bearer " + KEY, portal.statusRequests().get(0).getHeader("Authorization"), "inside the tunnel");
        } finally {
            threads.shutdownNow();
        }
    }

    private static long copy(Socket from, Socket to) {
        try {
            long n = from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
            return n;
        } catch (IOException closed) {
            return -1;
        }
    }

    @Test
    void noProxyNamesHostsReachedDirectly() {
        proxy.status(fixture("migration-completed-clean"));
        for (String noProxy : new String[] {"portal.example", ".example", "other.test, example", "*"}) {
            Result r = new CliRun().env("http_proxy", proxyUrl()).env("NO_PROXY", noProxy)
                    .run("--host", "http://portal.example", "--allow-http", "--key", KEY, "--retry-for", "0");
            assertEquals(7, r.exitCode(), noProxy + ": " + r.all());
            assertTrue(r.err().contains("portal.example unreachable (host name not found)"), r.err());
        }
        assertTrue(proxy.server().findAll(anyRequestedFor(anyUrl())).isEmpty(), "nothing went through the proxy");
    }

    @Test
    void aPortalOnThisMachineIsNeverAskedThroughAProxy() {
        try (Portal portal = new Portal()) {
            portal.status(fixture("migration-completed-clean"));
            Result r = new CliRun().env("HTTP_PROXY", proxyUrl()).env("HTTPS_PROXY", proxyUrl())
                    .watch(portal, KEY, "--once");
            assertEquals(0, r.exitCode(), r.all());
            assertEquals(1, portal.statusRequests().size());
        }
        assertTrue(proxy.server().findAll(anyRequestedFor(anyUrl())).isEmpty(), "the key never went to the proxy");
    }

    @Test
    void aProxyMigstatusCannotUseIsAUsageError() {
        Result credentials = new CliRun().env("HTTPS_PROXY", "http://alice:s3cret-proxy-pass@proxy.example:3128")
                .run("--host", "portal.example", "--key", KEY);
        assertEquals(2, credentials.exitCode(), credentials.all());
        assertTrue(credentials.err().contains("HTTPS_PROXY carries a user name and password, and migstatus sends no proxy credentials"),
                credentials.err());
        assertFalse(credentials.all().contains("s3cret"), credentials.all());
        Result tlsProxy = new CliRun().env("https_proxy", "https://proxy.example:3128").run("--host", "portal.example", "--key", KEY);
        assertEquals(2, tlsProxy.exitCode(), tlsProxy.all());
        assertTrue(tlsProxy.err().contains("https_proxy is a https:// proxy; migstatus speaks to proxies in plain http"), tlsProxy.err());
    }
}
