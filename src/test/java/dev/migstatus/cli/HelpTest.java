package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help as a newcomer reads it, and the hints a person at a terminal gets. */
class HelpTest {

    private static final String KEY = "sk-feedfacefeedfacefeedface";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    @Test
    void optionsShowTheirValuesAsTheyAreTyped() {
        String help = new CliRun().run("--help").out();
        String synopsis = help.substring(0, help.indexOf("\n\n"));
        assertTrue(synopsis.contains("[-o\u00a0FORMAT]") && synopsis.contains("[--host\u00a0URL]"), synopsis);
        assertFalse(synopsis.contains("="), synopsis);
        assertTrue(help.contains("  -o, --output FORMAT "), help);
        assertFalse(help.contains("--host=URL"), help);
        // The parser still takes both ways of writing a value.
        portal.status(fixture("parse-completed"));
        assertEquals(0, new CliRun().run("--host=" + portal.url(), "--key", KEY, "-o", "json").exitCode());
    }

    @Test
    void helpAndVersionAreNotALoneOptionsSection() {
        String help = new CliRun().run("--help").out();
        assertFalse(help.contains("\nOptions:\n"), help);
        assertTrue(help.indexOf("  -h, --help") < help.indexOf("\nPortal:\n"), "before the sections: " + help);
        assertTrue(help.contains("\n\nCommands:\n"), "a blank line before the commands: " + help);
        String simulate = new CliRun().run("simulate", "--help").out();
        assertTrue(simulate.contains("\nOptions:\n      --scenario NAME|FILE"), "a command's own options keep the heading: " + simulate);
    }

    @Test
    void helpListsTheEnvironmentItReads() {
        String help = new CliRun().run("--help").out();
        String environment = help.substring(help.indexOf("\nEnvironment:\n"), help.indexOf("\nCommands:\n"));
        for (String variable : List.of("MIGSTATUS_HOST", "MIGSTATUS_KEY", "NO_COLOR", "COLUMNS", "MIGSTATUS_DEBUG")) {
            assertTrue(environment.contains("\n  " + variable + " "), variable + " in " + environment);
        }
        assertTrue(environment.contains("DOCSPACE_API_KEY"), environment);
        for (String command : List.of("logs", "exporter")) {
            String own = new CliRun().run(command, "--help").out();
            assertTrue(own.contains("\nEnvironment:\n  MIGSTATUS_HOST "), own);
            assertEquals(1, own.split("\nEnvironment:\n", -1).length - 1, "listed once: " + own);
        }
        assertEquals(1, help.split("\nEnvironment:\n", -1).length - 1, "listed once: " + help);
        assertFalse(new CliRun().run("demo", "--help").out().contains("Environment:"), "the demo reads no portal");
    }

    @Test
    void theKeyOptionHintIsGivenOnce(@TempDir Path state) {
        portal.status(fixture("parse-completed"));
        Result first = new CliRun().terminal(100).env("XDG_STATE_HOME", state.toString()).watch(portal, KEY);
        assertTrue(first.err().contains("hint: --key leaves the key in your shell history"), first.err());
        assertTrue(Files.exists(state.resolve("migstatus").resolve("key-option-hint")));
        Result second = new CliRun().terminal(100).env("XDG_STATE_HOME", state.toString()).watch(portal, KEY);
        assertFalse(second.err().contains("hint:"), second.err());
    }

    @Test
    void aScriptGetsNoHint(@TempDir Path state) {
        portal.status(fixture("parse-completed"));
        Result r = new CliRun().env("XDG_STATE_HOME", state.toString()).watch(portal, KEY);
        assertFalse(r.err().contains("hint:"), r.err());
        assertFalse(Files.exists(state.resolve("migstatus")), "nothing remembered for a script");
    }
}
