package dev.migstatus;

import dev.migstatus.testing.Portal;

import com.google.gson.Gson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process and real signals: Ctrl-C or SIGTERM stops the watch, says the server goes
 * on, and exits 130. The signal is sent when the portal sees the third poll: by then the second
 * answer has been shown, and the third request is cut short. Nothing waits on time.
 */
class SignalTest {

    private Portal portal;

    @BeforeEach
    void start() {
        portal = new Portal();
        portal.status(fixture("migration-running"));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheWatchWithExitCode130(String signal) throws Exception {
        Process process = new ProcessBuilder(javaBinary(), "-cp", classPath(), Main.class.getName(),
                "--host", portal.url(), "--key", "sk-signal-test-key-0001", "--interval", "100ms")
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        AtomicInteger polls = new AtomicInteger();
        portal.server().addMockServiceRequestListener((request, response) -> {
            if (polls.incrementAndGet() == 3) {
                kill(signal, process.pid());
            }
        });
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "the watch did not stop; stderr: " + err);
        assertEquals(130, process.exitValue(), out + err);
        assertTrue(err.contains("Stopped; last seen: migrating at 15%; the migration keeps running on the server"), err);
        assertTrue(out.contains("migrating · Nextcloud · 15%"), "the progress it had shown: " + out);
    }

    private static void kill(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Our classes and the two runtime libraries, wherever the build put them. */
    private static String classPath() throws Exception {
        return String.join(File.pathSeparator, location(Main.class), location(CommandLine.class), location(Gson.class));
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
