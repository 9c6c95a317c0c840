package dev.migstatus;

import dev.migstatus.testing.ChildJvm;
import dev.migstatus.testing.ChildJvm.Ended;
import dev.migstatus.testing.RawPortal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile answers against a real process with a small heap: what the size limit lets in must not
 * end in a Java stack trace. A string of 100 MB is cut where it is read; memory that does run out
 * is exit 70, one line and, with -o json, the JSON document.
 */
class MemoryTest {

    private static final String KEY = "sk-memory-0123456789abcdef";
    /** Each run takes a second or two; the bound only stops a hung one. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final List<String> SMALL_HEAP = List.of("-Xmx32m", "-XX:+UseSerialGC");

    private final RawPortal portal = new RawPortal();

    @AfterEach
    void stop() {
        portal.close();
    }

    private Ended migstatus(Path dir, List<String> jvm, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--host", portal.url(), "--key", KEY));
        all.addAll(List.of(args));
        return new ChildJvm(dir, jvm, all.toArray(String[]::new)).run(BOUND);
    }

    @Test
    void aStatusThatIsOneStringOf64MbIsCutInA32MbHeap(@TempDir Path dir) {
        portal.on("/api/2.0/migration/status", exchange -> RawPortal.huge(RawPortal.ok(exchange, "application/json"),
                "{\"response\":{\"progress\":100,\"isCompleted\":true,\"error\":\"", 'x', 64,
                "\",\"parseResult\":{\"operation\":\"migration\"}},\"status\":0,\"statusCode\":200}"));
        Ended r = migstatus(dir, SMALL_HEAP, "--once", "-o", "json");
        assertEquals(3, r.exitCode(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        String error = doc.getAsJsonObject("status").get("error").getAsString();
        assertEquals("x".repeat(4096) + "… (67,104,768 bytes cut)", error);
        assertFalse(r.err().contains("Exception"), r.err());
        // The text report reads the answer into the model, not by copying it: cut there too.
        Ended text = migstatus(dir, SMALL_HEAP, "--once");
        assertEquals(3, text.exitCode(), text.err());
        assertTrue(text.out().contains("Migration failed: xxxxxxxx"), text.out());
    }

    @Test
    void aLogThatIsOneLineOf64MbIsCutInA32MbHeap(@TempDir Path dir) {
        portal.on("/api/2.0/migration/logs", exchange -> RawPortal.huge(RawPortal.ok(exchange, "text/plain"),
                "first line\r\n", 'y', 64, "\r\nlast line\r\n"));
        Ended r = migstatus(dir, SMALL_HEAP, "logs");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("first line\n" + "y".repeat(4096) + "… (67,104,768 bytes cut)\nlast line\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aGzipBombOfOneStringEndsAtTheSizeLimitInA32MbHeap(@TempDir Path dir) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] prefix = deflated(deflater, "{\"response\":{\"error\":\"".getBytes(StandardCharsets.UTF_8));
        byte[] z = new byte[1 << 20];
        Arrays.fill(z, (byte) 'z');
        // Ends on a flush, and its first 'z' is a literal: each copy inflates to 1 MB of 'z' on its own.
        byte[] megabyteOfZ = deflated(deflater, z);
        deflater.end();
        portal.on("/api/2.0/migration/status", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            try (OutputStream out = RawPortal.ok(exchange, "application/json")) {
                // A gzip header, then 4 GB of one string in 4 MB. No trailer: nobody should read that far.
                out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
                out.write(prefix);
                for (int i = 0; i < 4096; i++) {
                    out.write(megabyteOfZ);
                }
            }
        });
        Ended r = migstatus(dir, SMALL_HEAP, "--once", "--max-response-size", "64MB", "-o", "json");
        assertEquals(8, r.exitCode(), r.err());
        assertTrue(r.err().contains("sent an answer larger than 64 MB"), r.err());
        assertEquals("protocol_error", JsonParser.parseString(r.out()).getAsJsonObject().get("outcome").getAsString());
    }

    private static byte[] deflated(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    @Test
    void memoryThatRunsOutIsExit70WithOneLineAndTheJsonDocument(@TempDir Path dir) {
        // 10,000 valid users of 3,000-character names (30 MB), under --max-response-size, in a heap too small for them.
        String name = "n".repeat(3000);
        portal.on("/api/2.0/migration/status", exchange -> {
            try (OutputStream out = new BufferedOutputStream(RawPortal.ok(exchange, "application/json"), 1 << 16)) {
                out.write("{\"response\":{\"progress\":100,\"isCompleted\":true,\"error\":\"\",\"parseResult\":{\"operation\":\"parse\",\"users\":["
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 10_000; i++) {
                    out.write(((i == 0 ? "" : ",") + "{\"key\":\"u" + i + "\",\"displayName\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                out.write("]}},\"status\":0,\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
            }
        });
        Ended r = migstatus(dir, List.of("-Xmx16m", "-XX:+UseSerialGC"), "--once", "-o", "json");
        assertEquals(70, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
        assertTrue(r.err().startsWith("migstatus: out of memory (Java heap space); lower --max-response-size"), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("internal_error", doc.get("outcome").getAsString());
        assertEquals(70, doc.get("exitCode").getAsInt());
        // Two portals: the answers are read on the fleet's pool threads, and said the same way.
        Ended fleet = new ChildJvm(dir, List.of("-Xmx16m", "-XX:+UseSerialGC"), "--host", portal.url(), "--host",
                portal.url().replace("127.0.0.1", "localhost"), "--key", KEY, "--once").run(BOUND);
        assertEquals(70, fleet.exitCode(), fleet.out() + fleet.err());
        assertTrue(fleet.err().contains("migstatus: out of memory (Java heap space)"), fleet.err());
        assertFalse(fleet.err().contains("Exception"), fleet.err());
    }
}
