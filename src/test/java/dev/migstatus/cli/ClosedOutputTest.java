package dev.migstatus.cli;

import dev.migstatus.testing.ChildJvm;
import dev.migstatus.testing.ChildJvm.Ended;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stdout that cannot be written: a reader that went away ({@code | head -1}) ends the watch at
 * once with 141, a full disk is exit 74 and one line, and neither is ever exit 0.
 */
class ClosedOutputTest {

    private static final String KEY = "sk-closed-0123456789abcdef";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** A stdout that takes {@code lines} lines, then fails every write as the system says {@code why}. */
    private static OutputStream failingAfter(OutputStream out, int lines, String why) {
        return new FilterOutputStream(out) {
            private int seen;

            @Override
            public void write(int b) throws IOException {
                if (seen >= lines) {
                    throw new IOException(why);
                }
                if (b == '\n') {
                    seen++;
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
    }

    @Test
    void aReaderThatGoesAwayEndsTheWatchAtOnce() {
        portal.status(fixture("migration-running"));
        Result r = new CliRun().stdout(out -> failingAfter(out, 1, "Broken pipe"))
                .watch(portal, KEY, "-o", "ndjson");
        assertEquals(141, r.exitCode(), r.all());
        assertEquals(1, r.out().lines().count(), r.out());
        assertEquals("", r.err(), "nothing said, as other tools in a pipe");
        assertTrue(portal.statusRequests().size() <= 2, "stopped polling: " + portal.statusRequests().size() + " requests");
    }

    @Test
    void aReportThatCannotBeWrittenIsNeverExitZero() {
        portal.status(fixture("migration-completed-clean"));
        for (String[] options : List.of(new String[] {"-o", "json", "--once"}, new String[0])) {
            Result r = new CliRun().stdout(out -> failingAfter(out, 0, "No space left on device")).watch(portal, KEY, options);
            assertEquals(74, r.exitCode(), r.all());
            assertEquals("migstatus: could not write to stdout (No space left on device); the output is incomplete\n", r.err());
        }
    }

    @Test
    void aLogThatCannotBeWrittenIsExit74NotAUsageError(@TempDir Path dir) {
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("line one\nline two\n"));
        Result toStdout = new CliRun().stdout(out -> failingAfter(out, 1, "No space left on device"))
                .run("logs", "--host", portal.url(), "--key", KEY);
        assertEquals(74, toStdout.exitCode(), toStdout.all());
        assertTrue(toStdout.err().contains("could not write to stdout (No space left on device)"), toStdout.err());
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "a full disk, as Linux offers one");
        Result toFile = new CliRun().run("logs", "--host", portal.url(), "--key", KEY, "--output-file", "/dev/full");
        assertEquals(74, toFile.exitCode(), toFile.all());
        assertTrue(toFile.err().contains("cannot write /dev/full: No space left on device"), toFile.err());
    }

    /** A real pipe, and a real process: the first line is read, then the pipe is closed, as {@code head -1} does. */
    @Test
    void headMinusOneOnARealPipe(@TempDir Path dir) throws IOException {
        portal.status(fixture("migration-running"));
        ChildJvm process = new ChildJvm(dir, List.of(), "--host", portal.url(), "--key", KEY, "--interval", "100ms", "-o", "ndjson")
                .stdout(ProcessBuilder.Redirect.PIPE).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.stdoutPipe(), StandardCharsets.UTF_8))) {
            assertTrue(lines.readLine().startsWith("{\"event\":\"start\""));
        }
        Ended r = process.await(Duration.ofSeconds(15));
        assertEquals(141, r.exitCode(), "not polling on for ever: " + r.err());
        assertEquals("", r.err());
    }

    @Test
    void aFullDiskOnARealProcess(@TempDir Path dir) {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "a full disk, as Linux offers one");
        portal.status(fixture("migration-completed-clean"));
        Ended r = new ChildJvm(dir, List.of(), "--host", portal.url(), "--key", KEY, "--once", "-o", "json")
                .stdout(ProcessBuilder.Redirect.to(Path.of("/dev/full").toFile())).run(Duration.ofSeconds(15));
        assertEquals(74, r.exitCode(), r.err());
        assertEquals("migstatus: could not write to stdout (No space left on device); the output is incomplete\n", r.err());
    }
}
