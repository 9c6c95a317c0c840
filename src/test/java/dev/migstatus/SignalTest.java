package dev.migstatus;

import dev.migstatus.testing.ChildJvm;
import dev.migstatus.testing.ChildJvm.Ended;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;
import dev.migstatus.testing.RawPortal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process and real signals: Ctrl-C or SIGTERM stops the watch, says the server goes on,
 * and exits 130, at once even when a body is still trickling in. A signal is sent when the portal
 * has seen what the test waits for (a third poll, the first bytes of a body, a file begun), never
 * after a time. The bound on each process only stops a hung one: the request timeout it would
 * otherwise wait out is twice as long.
 */
class SignalTest {

    private static final String KEY = "sk-signal-test-key-0001";
    private static final Duration BOUND = Duration.ofSeconds(15);

    /** Released when the test ends: a trickling body stops there. */
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final RawPortal raw = new RawPortal();

    @AfterEach
    void stop() {
        testOver.countDown();
        raw.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheWatchWithExitCode130(String signal, @TempDir Path dir) {
        try (Portal portal = new Portal()) {
            portal.status(fixture("migration-running"));
            ChildJvm process = new ChildJvm(dir, List.of(), "--host", portal.url(), "--key", KEY, "--interval", "100ms");
            AtomicInteger polls = new AtomicInteger();
            portal.server().addMockServiceRequestListener((request, response) -> {
                if (polls.incrementAndGet() == 3) {
                    process.signal(signal);
                }
            });
            Ended r = process.start().await(BOUND);
            assertEquals(130, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("Stopped; last seen: migrating at 15%; the migration keeps running on the server"), r.err());
            assertTrue(r.out().contains("migrating · Nextcloud · 15%"), "the progress it had shown: " + r.out());
        }
    }

    /**
     * Sends the first bytes of an answer, says so, then a blank every 100 ms until the test is over
     * or the client goes away: a body that keeps arriving, too slowly to end.
     */
    private RawPortal.Answer trickle(String contentType, String firstBytes, CountDownLatch begun) {
        return exchange -> {
            OutputStream body = RawPortal.ok(exchange, contentType);
            body.write(firstBytes.getBytes(StandardCharsets.UTF_8));
            body.flush();
            begun.countDown();
            try {
                while (!testOver.await(100, TimeUnit.MILLISECONDS)) {
                    body.write(' ');
                    body.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void aSignalCutsOffABodyStillArrivingOnARealSlowSocket(@TempDir Path dir) {
        CountDownLatch begun = new CountDownLatch(1);
        raw.on(Portal.STATUS, trickle("application/json", "{\"response\":{\"progress\":", begun));
        ChildJvm process = new ChildJvm(dir, List.of(), "--host", raw.url(), "--key", KEY, "--request-timeout", "30s").start();
        await(begun);
        process.signal("TERM");
        Ended r = process.await(BOUND);
        assertEquals(130, r.exitCode(), "not after the request timeout: " + r.err());
        assertTrue(r.err().contains("Stopped"), r.err());
    }

    @Test
    void logsIsCutOffToo(@TempDir Path dir) {
        CountDownLatch begun = new CountDownLatch(1);
        raw.on(Portal.LOGS, trickle("text/plain", "08:00 Parsing started\n", begun));
        Path file = dir.resolve("migration.log");
        ChildJvm process = new ChildJvm(dir, List.of(), "logs", "--host", raw.url(), "--key", KEY,
                "--request-timeout", "30s", "--output-file", file.toString()).start();
        await(begun);
        process.signal("INT");
        Ended r = process.await(BOUND);
        assertEquals(130, r.exitCode(), "not after the request timeout: " + r.err());
        assertTrue(r.err().contains("Stopped before the log was downloaded"), r.err());
        assertEquals(List.of("stderr", "stdout"), files(dir), "no log, and no part of one");
    }

    @Test
    void aSecondSignalWhileTheLogIsSavedLeavesNoPartFile(@TempDir Path dir) throws IOException, InterruptedException {
        byte[] running = Fixtures.body("migration-running").getBytes(StandardCharsets.UTF_8);
        AtomicInteger polls = new AtomicInteger();
        Path reports = Files.createDirectory(dir.resolve("reports"));
        try (WatchService files = FileSystems.getDefault().newWatchService()) {
            WatchKey watching = reports.register(files, StandardWatchEventKinds.ENTRY_CREATE);
            ChildJvm[] process = new ChildJvm[1];
            raw.on(Portal.STATUS, exchange -> {
                try (OutputStream body = RawPortal.ok(exchange, "application/json")) {
                    body.write(running);
                }
                if (polls.incrementAndGet() == 2) {
                    process[0].signal("INT");
                }
            });
            raw.on(Portal.LOGS, trickle("text/plain", "08:00 Parsing started\n", new CountDownLatch(1)));
            process[0] = new ChildJvm(dir, List.of(), "--host", raw.url(), "--key", KEY, "--interval", "100ms",
                    "--save-log", reports.resolve("migration.log").toString()).start();
            // The log is being written beside its file; the second Ctrl-C comes now.
            assertTrue(files.poll(BOUND.toSeconds(), TimeUnit.SECONDS) != null, "the log was begun");
            process[0].signal("INT");
            Ended r = process[0].await(BOUND);
            assertEquals(130, r.exitCode(), r.err());
            watching.cancel();
        }
        assertEquals(List.of(), files(reports), "no .part file left behind");
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
