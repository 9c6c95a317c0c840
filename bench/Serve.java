import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in portal for the benchmark, on 127.0.0.1 only, HTTP/1.1 with keep-alive:
 * {@code java bench/Serve.java DIR [NAME=POLLS...]} serves every {@code DIR/NAME.json} at
 * {@code /NAME/api/2.0/migration/status}, gzipped (compressed once, at start) when the client
 * asks for it, as a DocSpace server behind a compressing proxy would.
 *
 * <p>When {@code DIR/NAME.done.json} exists too, the first POLLS requests to NAME get NAME.json
 * and every later one NAME.done.json: a watch that runs a known number of polls and then ends.
 * A NAME starting {@code changing-} answers with a different progress each time (uncompressed):
 * its document must start with a two-digit progress.
 * {@code GET /_count/NAME} answers how many status requests NAME has had. The chosen port is
 * printed as the first line on stdout.
 */
public final class Serve {

    private record Body(byte[] identity, byte[] gzip) {
    }

    private static final String STATUS = "/api/2.0/migration/status";

    public static void main(String[] args) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY a small body waits
        // for the client's delayed ACK, 40 ms a request, which would be counted against the client.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path dir = Path.of(args[0]);
        Map<String, Long> pollsOf = new ConcurrentHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameAndPolls = args[i].split("=", 2);
            pollsOf.put(nameAndPolls[0], Long.parseLong(nameAndPolls[1]));
        }
        Map<String, Body> bodies = new ConcurrentHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                byte[] identity = Files.readAllBytes(file);
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                bodies.put(name, new Body(identity, gzip(identity)));
            }
        }
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/_count/")) {
                    AtomicLong n = counts.get(path.substring("/_count/".length()));
                    send(exchange, "text/plain", ((n == null ? 0 : n.get()) + "\n").getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (!path.endsWith(STATUS)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String name = path.substring(1, path.length() - STATUS.length());
                long n = counts.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                Body body = n > pollsOf.getOrDefault(name, Long.MAX_VALUE) && bodies.containsKey(name + ".done")
                        ? bodies.get(name + ".done") : bodies.get(name);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (name.startsWith("changing-") && body != bodies.get(name + ".done")) {
                    // Every answer different (progress 10..99 in turn): the worst case, sent as is.
                    send(exchange, "application/json; charset=utf-8", withProgress(body.identity(), 10 + (int) (n % 90)));
                    return;
                }
                String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
                if (gzip) {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
                send(exchange, "application/json; charset=utf-8", gzip ? body.gzip() : body.identity());
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private static void send(HttpExchange exchange, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The document with its first {@code "progress":NN} set to {@code percent}, 10 to 99. */
    private static byte[] withProgress(byte[] doc, int percent) {
        byte[] copy = doc.clone();
        byte[] key = "\"progress\":".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length + 2 <= copy.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (copy[i + k] != key[k]) {
                    continue outer;
                }
            }
            copy[i + key.length] = (byte) ('0' + percent / 10);
            copy[i + key.length + 1] = (byte) ('0' + percent % 10);
            break;
        }
        return copy;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
