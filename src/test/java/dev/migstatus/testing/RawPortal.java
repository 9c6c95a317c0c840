package dev.migstatus.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A portal on the JDK's HTTP server, for answers WireMock cannot give: bodies of hundreds of
 * megabytes streamed without holding them, bodies that trickle in, a body that never ends.
 * Bound to 127.0.0.1; each path answers with what its {@link Answer} writes.
 */
public final class RawPortal implements AutoCloseable {

    /** Writes one answer, headers included. */
    @FunctionalInterface
    public interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public RawPortal() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    public RawPortal on(String path, Answer answer) {
        server.createContext(path, exchange -> {
            try (exchange) {
                answer.write(exchange);
            } catch (IOException clientWentAway) {
                // The client closed the connection: what several of these tests want it to do.
            }
        });
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a 200 answer of unknown length, and returns its body. */
    public static OutputStream ok(HttpExchange exchange, String contentType) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Writes {@code prefix}, then {@code megabytes} MB of {@code fill}, then {@code suffix}. */
    public static void huge(OutputStream out, String prefix, char fill, long megabytes, String suffix) throws IOException {
        out.write(prefix.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) fill);
        for (long i = 0; i < megabytes; i++) {
            out.write(chunk);
        }
        out.write(suffix.getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
