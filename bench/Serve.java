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
 * A NAME starting {@code fields-} honours {@code ?fields=} as DocSpace 3.2.1+ does, for the lean
 * polls a watch sends (a document from bench/Generate.java: its progress, error, completion,
 * migrator, operation and counts); every other NAME answers in full, as older servers do.
 * {@code GET /_count/NAME} answers how many status requests NAME has had; {@code GET /_stats/NAME}
 * "requests lean-requests full-bytes lean-bytes", bytes as sent. The chosen port is printed as the
 * first line on stdout.
 */
public final class Serve {

    private record Body(byte[] identity, byte[] gzip, byte[] lean, byte[] leanGzip) {
    }

    /** Requests and bytes sent, per NAME. */
    private static final class Stats {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong leanRequests = new AtomicLong();
        final AtomicLong fullBytes = new AtomicLong();
        final AtomicLong leanBytes = new AtomicLong();
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
                byte[] lean = name.startsWith("fields-") ? lean(new String(identity, StandardCharsets.UTF_8)) : null;
                bodies.put(name, new Body(identity, gzip(identity), lean, lean == null ? null : gzip(lean)));
            }
        }
        Map<String, Stats> counts = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/_count/")) {
                    Stats n = counts.get(path.substring("/_count/".length()));
                    send(exchange, "text/plain", ((n == null ? 0 : n.requests.get()) + "\n").getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (path.startsWith("/_stats/")) {
                    Stats n = counts.computeIfAbsent(path.substring("/_stats/".length()), k -> new Stats());
                    String line = n.requests.get() + " " + n.leanRequests.get() + " " + n.fullBytes.get() + " " + n.leanBytes.get() + "\n";
                    send(exchange, "text/plain", line.getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (!path.endsWith(STATUS)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String name = path.substring(1, path.length() - STATUS.length());
                Stats stats = counts.computeIfAbsent(name, k -> new Stats());
                long n = stats.requests.incrementAndGet();
                Body body = n > pollsOf.getOrDefault(name, Long.MAX_VALUE) && bodies.containsKey(name + ".done")
                        ? bodies.get(name + ".done") : bodies.get(name);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (name.startsWith("changing-") && body != bodies.get(name + ".done")) {
                    // Every answer different (progress 10..99 in turn): the worst case, sent as is.
                    byte[] changed = withProgress(body.identity(), 10 + (int) (n % 90));
                    stats.fullBytes.addAndGet(changed.length);
                    send(exchange, "application/json; charset=utf-8", changed);
                    return;
                }
                String query = exchange.getRequestURI().getRawQuery();
                boolean lean = body.lean() != null && query != null && query.contains("fields=");
                String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
                if (gzip) {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
                byte[] bytes = lean ? (gzip ? body.leanGzip() : body.lean()) : gzip ? body.gzip() : body.identity();
                if (lean) {
                    stats.leanRequests.incrementAndGet();
                    stats.leanBytes.addAndGet(bytes.length);
                } else {
                    stats.fullBytes.addAndGet(bytes.length);
                }
                send(exchange, "application/json; charset=utf-8", bytes);
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

    /**
     * What DocSpace 3.2.1+ answers to the lean poll migstatus sends, for a document bench/Generate.java
     * wrote: the members it names, in the status's order, and the query echoed in {@code links}.
     */
    private static byte[] lean(String doc) {
        String head = doc.substring(0, Math.min(doc.length(), 400));
        String tail = doc.substring(Math.max(0, doc.length() - 800));
        String json = "{\"response\":{\"progress\":" + member(head, "progress") + ",\"error\":" + member(head, "error")
                + ",\"parseResult\":{\"migratorName\":" + member(head, "migratorName") + ",\"operation\":" + member(head, "operation")
                + ",\"successedUsers\":" + member(tail, "successedUsers") + ",\"failedUsers\":" + member(tail, "failedUsers")
                + "},\"isCompleted\":" + member(head, "isCompleted") + "},\"count\":1,\"links\":[{\"href\":"
                + "\"https://portal.example.com/api/2.0/migration/status?fields=progress,error,isCompleted,parseResult.migratorName,"
                + "parseResult.operation,parseResult.successedUsers,parseResult.failedUsers\",\"action\":\"GET\"}],"
                + "\"status\":0,\"statusCode\":200}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of the first {@code "name":} in {@code text}, up to the next comma or brace (no commas in these values). */
    private static String member(String text, String name) {
        int at = text.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new IllegalArgumentException("no " + name + " where bench/Generate.java writes it");
        }
        int from = at + name.length() + 3;
        int to = from;
        while (to < text.length() && text.charAt(to) != ',' && text.charAt(to) != '}') {
            to++;
        }
        return text.substring(from, to);
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
