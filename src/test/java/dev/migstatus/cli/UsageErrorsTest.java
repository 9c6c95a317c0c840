package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as people type it: options on either side of a subcommand, and every mistake
 * one line in migstatus's own words (never picocli's or Java's), with the closest real option or
 * command when there is one.
 */
class UsageErrorsTest {

    private static final String KEY = "sk-feedfacefeedfacefeedface";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** Words of picocli's and Java's that a user should never read. */
    private static final List<String> FOREIGN = List.of("Unmatched argument", "Unknown option", "Invalid value", "is not a double",
            "is not an int", "is not a long", "For input string", "Exception", "index 0", "Missing required", "Expected parameter",
            "Usage:");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "simulte                              | unknown command 'simulte'; did you mean 'simulate'? (see 'migstatus --help')",
        "portal.example.com                   | unexpected argument 'portal.example.com'; to watch a portal, give it with --host portal.example.com (see 'migstatus --help')",
        "--hots x                             | unknown option --hots; did you mean --host? (see 'migstatus --help')",
        "simulate --speed fast                | --speed: 'fast' is not a factor above 0 and at most 1000 (10 plays ten times as fast, 0.5 at half speed) (see 'migstatus simulate --help')",
        "simulate --portals many              | --portals: 'many' is not a whole number (see 'migstatus simulate --help')",
        "--host h --max-in-flight lots        | --max-in-flight: 'lots' is not a whole number (see 'migstatus --help')",
        "--until soon                         | --until: 'soon' is not one of completed, migrated (see 'migstatus --help')",
        "--once=yes                           | --once takes no value (give --once alone) (see 'migstatus --help')",
        "--host                               | --host needs a value: --host URL (see 'migstatus --help')",
        "--output --once                      | --output needs a value: --output FORMAT (see 'migstatus --help')",
        "logs --nope                          | unknown option --nope (see 'migstatus logs --help')",
        "logs --hots x                        | unknown option --hots; did you mean --host? (see 'migstatus logs --help')",
        "logs --once                          | --once means nothing for 'migstatus logs'; it is an option of the watch (see 'migstatus logs --help')",
        "--once logs                          | --once means nothing for 'migstatus logs'; it is an option of the watch (see 'migstatus logs --help')",
        "--output-file x.log                  | --output-file is an option of 'migstatus logs': give it after 'logs' (see 'migstatus --help')",
        "-O x.log                             | unknown option -O (see 'migstatus --help')",
        "--speed 2                            | --speed is an option of 'migstatus simulate': give it after 'simulate' (see 'migstatus --help')",
        "completion fsh                       | unknown shell 'fsh'; did you mean 'fish'? (see 'migstatus completion --help')",
        "completion bash zsh                  | unexpected argument 'zsh' (see 'migstatus completion --help')",
        "help nope                            | unknown command 'nope'; the commands are logs, completion, demo, simulate, exporter, help (see 'migstatus --help')",
    })
    void everyMistakeIsOneLineInOurOwnWords(String line, String expected) {
        Result r = new CliRun().run(line.split(" "));
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("", r.out());
        assertEquals("migstatus: " + expected + "\n", r.err());
        for (String word : FOREIGN) {
            assertFalse(r.err().contains(word), word + " in " + r.err());
        }
    }

    @Test
    void thePortalAndKeyBeforeLogsAreTheLogsOwn() {
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("100.00 progress: Migration completed\n"));
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "logs");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("100.00 progress: Migration completed\n", r.out());
    }

    @Test
    void aSubcommandsOwnValueWinsOverOneBeforeIt() {
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("the log\n"));
        Result r = new CliRun().run("--host", "https://portal.invalid", "--key", KEY, "logs", "--host", portal.url());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("the log\n", r.out());
    }

    @Test
    void quietAndColourBeforeDemoApplyToIt() {
        Result quiet = new CliRun().run("-q", "demo");
        assertEquals(0, quiet.exitCode(), quiet.all());
        assertEquals("", quiet.all(), "quiet means quiet, wherever -q stands");
        Result coloured = new CliRun().run("--color", "always", "demo");
        assertTrue(coloured.out().contains("\u001b[32mMigration completed"), coloured.out());
    }

    /** {@code logs} has no -o: its mistake is said in words, not as a JSON document it cannot write. */
    @Test
    void logsRefusesAFormatItDoesNotHave() {
        Result r = new CliRun().run("logs", "-o", "json", "--host", portal.url(), "--key", KEY);
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("", r.out());
        assertEquals("migstatus: -o means nothing for 'migstatus logs'; it is an option of the watch; did you mean --output-file?"
                + " (see 'migstatus logs --help')\n", r.err(), "a curl user's -o FILE is --output-file here");
    }

    /** curl's -o is a file, ours a format: logs writes a file with --output-file, and -O still works for old scripts. */
    @Test
    void logsHelpNamesItsOwnOptionsAndExitCodes() {
        String help = new CliRun().run("logs", "--help").out();
        assertTrue(help.contains("--output-file FILE"), help);
        assertFalse(help.contains("-O") || help.contains("--output=") || help.contains("-o FORMAT"), help);
        List<String> codes = new ArrayList<>();
        help.lines().dropWhile(l -> !l.equals("Exit codes:")).skip(1).takeWhile(l -> !l.isBlank())
                .filter(l -> l.matches(" +[0-9]+ .*")).forEach(l -> codes.add(l.strip().split(" ")[0]));
        assertFalse(help.contains("more than once"), "logs takes one portal: " + help);
        assertEquals(List.of("0", "2", "4", "5", "6", "7", "8", "9", "70", "74", "130", "141"), codes,
                "logs never exits 1, 3, 10 or 124 as a watch does: " + help);
    }

    @Test
    void aKeyTooShortSaysTheRule() {
        portal.status(fixture("parse-running"));
        Result r = new CliRun().run("--host", portal.url(), "--key", "sk-test");
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("(7 characters; a key has at least "), r.err());
    }
}
