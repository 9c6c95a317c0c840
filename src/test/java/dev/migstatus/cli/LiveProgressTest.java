package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;
import dev.migstatus.text.DisplayWidth;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live line as a terminal of a given width receives it: frames between polls on the fake
 * clock, marks that say how a phase ended, and a line that follows a resize.
 */
class LiveProgressTest {

    private static final String KEY = "sk-feedfacefeedfacefeedface";
    private static final String ERASE = "\u001b[2K";
    private static final String UP = "\u001b[1A";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503);
    }

    /** Each state of the line as drawn, colour codes removed, in order. */
    private static List<String> drawn(String out) {
        List<String> lines = new ArrayList<>();
        for (String part : out.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z&&[^K]]", "").split("\r|\u001b\\[2K|\n")) {
            if (!part.isBlank()) {
                lines.add(part);
            }
        }
        return lines;
    }

    @Test
    void theLineMovesBetweenPollsWithoutAnotherRequest() {
        portal.statusSequence(fixture("parse-running"), fixture("parse-completed"));
        CliRun run = new CliRun().terminal(100);
        Result r = run.watch(portal, KEY, "--interval", "5s", "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(2, portal.statusRequests().size(), "frames ask nothing of the portal");
        assertEquals(40, run.frames().fired(), "eight frames a second through the 5 s between the polls");
        List<String> lines = drawn(r.out());
        for (String second : List.of("00:01", "00:02", "00:03", "00:04")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("parsing · Nextcloud") && l.contains(second)),
                    "the clock shows " + second + " between the polls: " + lines);
        }
        assertTrue(lines.stream().map(l -> l.charAt(0)).distinct().count() >= 10, "the spinner turns through its ten glyphs");
    }

    @Test
    void aRetryWaitCountsDownOnTheLine() {
        portal.statusSequence(fixture("parse-running"), unavailable(), fixture("parse-completed"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        List<String> lines = drawn(r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("retrying in 2s")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("retrying in 1s")), lines.toString());
    }

    @Test
    void beforeTheFirstAnswerTheLineSaysWhoItWaitsFor() {
        portal.statusSequence(unavailable(), fixture("parse-completed"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "--no-color");
        assertTrue(drawn(r.out()).stream().anyMatch(l -> l.contains("waiting for 127.0.0.1:" + portal.port() + " to answer")
                && l.contains("retrying in")), r.out());
    }

    @Test
    void aFailedPhaseIsCrossedWithItsLastPercentNotTicked() {
        portal.statusSequence(fixture("parse-queued"), fixture("parse-running"), fixture("parse-failed"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "--no-color");
        assertEquals(3, r.exitCode(), r.all());
        String settled = String.join("\n", r.out().replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "").lines()
                .map(l -> l.substring(l.lastIndexOf('\r') + 1)).toList());
        assertTrue(settled.contains("✓ starting  00:02\n"), "no percent that never happened: " + settled);
        assertTrue(settled.matches("(?s).*✗ parsing · Nextcloud  \\[[^]]*]  27%  00:04\n.*"), settled);
        assertFalse(settled.contains("✓ parsing"), settled);
    }

    @Test
    void aWaitHasNoMarkAndAFinishedLineKeepsTheTimeItEnded() {
        portal.statusSequence(fixture("no-migration"), fixture("parse-running"), unavailable(), unavailable(), unavailable(),
                fixture("parse-completed"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "--until", "migrated", "--timeout", "1m", "--no-color");
        String settled = String.join("\n", r.out().replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "").lines()
                .map(l -> l.substring(l.lastIndexOf('\r') + 1)).toList());
        assertTrue(settled.contains("\n  waiting: no migration on the portal yet  00:02\n") || settled.startsWith("  waiting"),
                "no ✓ on a wait: " + settled);
        // 2 s, then the 503s: 2 + 4 + 8 s of backoff; the parse was seen finished at 00:18.
        assertTrue(settled.contains("✓ parsing · Nextcloud  [████████████████████] 100%  00:18\n"), settled);
    }

    @Test
    void aNarrowerTerminalGetsALineThatFitsAndTheWrappedRowsCleared() {
        AtomicInteger columns = new AtomicInteger(100);
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-clean"));
        CliRun run = new CliRun().terminal(columns::get);
        run.onSleep(d -> columns.set(40));
        Result r = run.watch(portal, KEY, "--interval", "1s", "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        String out = r.out();
        int resized = out.indexOf(UP);
        assertTrue(resized > 0, "the rows the wider line wraps onto are cleared: " + out);
        String wide = drawn(out.substring(0, resized)).get(drawn(out.substring(0, resized)).size() - 1);
        int rows = (DisplayWidth.of(wide) + 39) / 40;
        assertEquals(2, rows, "the line of 100 columns wraps onto two rows of 40: '" + wide + "'");
        String clearsBoth = "\r" + ERASE + UP + ERASE;
        assertTrue(out.contains(clearsBoth), out);
        assertFalse(out.contains(clearsBoth + UP), "one row up, not more: " + out);
        for (String line : drawn(out.substring(resized, out.indexOf("Migration completed")))) {
            assertTrue(DisplayWidth.of(line) < 40, "'" + line + "' fits in 40 columns, with one to spare");
        }
        // The tables at the end fit the terminal as it is then, not as it was when the watch started.
        List<String> report = out.substring(out.indexOf("Migration completed")).lines().skip(1).toList();
        assertTrue(report.stream().anyMatch(l -> l.startsWith("NAME")), out);
        for (String line : report) {
            assertTrue(DisplayWidth.of(line) <= 40, "'" + line + "' fits in 40 columns");
        }
    }

    /** At 40 columns the indeterminate bar goes, and with it the percent it stood for: no blank gap cuts the name. */
    @Test
    void aNarrowLineWithoutAPercentLeavesNoGap() {
        portal.statusSequence(json(Fixtures.running("migration", 1)), fixture("migration-completed-clean"));
        Result r = new CliRun().terminal(40).watch(portal, KEY, "--interval", "1s", "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        List<String> running = drawn(r.out()).stream().filter(l -> l.contains("migrating")).toList();
        assertTrue(running.stream().anyMatch(l -> l.substring(2).equals("migrating · Nextcloud  00:00")), running.toString());
    }

    @Test
    void withStdoutInAFileTheLiveLineGoesToTheTerminalOnStderr() {
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-clean"));
        Result r = new CliRun().errTerminal(100).watch(portal, KEY, "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\r") || r.out().contains("migrating"),
                "the file gets the report alone: " + r.out());
        assertTrue(r.out().startsWith("Migration completed"), r.out());
        assertTrue(r.err().contains(ERASE) && r.err().contains("migrating · Nextcloud  ["), r.err());
    }

    @Test
    void jsonOnATerminalHasTheLiveBarOnStderr() {
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-clean"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "-o", "json");
        assertEquals(1, r.out().lines().count(), "one JSON document: " + r.out());
        assertTrue(r.err().contains("migrating · Nextcloud  [") && r.err().contains(ERASE), r.err());
        assertFalse(r.err().contains("[00:00]"), "not plain lines: " + r.err());
    }

    @Test
    void plainGivesLinesOnATerminal() {
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-clean"));
        Result r = new CliRun().terminal(100).watch(portal, KEY, "--plain");
        assertTrue(r.out().startsWith("[00:00] migrating · Nextcloud · 15% · 3 users · 1 group\n"), r.out());
        assertFalse(r.out().contains("\r") || r.out().contains(ERASE), r.out());
    }
}
