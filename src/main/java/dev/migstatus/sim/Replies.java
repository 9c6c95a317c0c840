package dev.migstatus.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** How the simulated portal puts an answer on the wire: gzip when asked, as nginx in front of DocSpace does. */
final class Replies {

    private Replies() {
    }

    /** The address the client asked for, query included, as the server echoes it in an envelope's {@code links}. */
    static String href(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            InetSocketAddress local = exchange.getLocalAddress();
            host = local.getAddress().getHostAddress() + ":" + local.getPort();
        }
        String query = exchange.getRequestURI().getRawQuery();
        return "http://" + host + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    /** @param contentType null for none */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        if (bytes.length > 0 && acceptsGzip(exchange.getRequestHeaders())) {
            bytes = gzip(bytes);
            headers.set("Content-Encoding", "gzip");
            headers.set("Vary", "Accept-Encoding");
        }
        // -1 tells the JDK server there is no body; 0 would mean "chunked".
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static boolean acceptsGzip(Headers headers) {
        String accepted = headers.getFirst("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new FastGzip(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    /** The fastest level, as nginx compresses by default: a big tenant's status is megabytes on every poll. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
