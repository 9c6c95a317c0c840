package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.Frame;
import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.FakeClock;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --once -o json} copies the answer into the report as it streams in; with {@code --junit}
 * (whose file needs every user) it builds the model and writes it back. Both print the same bytes
 * for every example body, the key redacted wherever it hides.
 */
class JsonCopyTest {

    private static final String KEY = "sk-json0123456789abc";
    private static final String COPYING = "-o json: the answer is copied into the report";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    @TempDir
    Path dir;

    /** Both ways, the same stdout and exit code; returns the document. */
    private String sameBothWays(String body, String... env) {
        portal.status(json(body));
        CliRun copying = new CliRun();
        CliRun modelling = new CliRun();
        for (int i = 0; i < env.length; i += 2) {
            copying.env(env[i], env[i + 1]);
            modelling.env(env[i], env[i + 1]);
        }
        Result copied = copying.watch(portal, KEY, "--once", "-o", "json", "-v");
        Result modelled = modelling.watch(portal, KEY, "--once", "-o", "json", "-v", "--junit", dir.resolve("junit.xml").toString());
        assertTrue(copied.err().contains(COPYING), copied.err());
        assertFalse(modelled.err().contains(COPYING), modelled.err());
        assertEquals(modelled.exitCode(), copied.exitCode(), copied.all());
        assertEquals(modelled.out(), copied.out(), "the copied document is the modelled one");
        return copied.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"parse-queued", "parse-running", "parse-completed", "parse-completed-no-users", "parse-failed",
        "migration-running", "migration-completed-clean", "migration-completed-with-failures", "unknown-migrator-failed",
        "names-hostile", "no-migration", "error-403-not-admin"})
    void everyExampleBodyPrintsTheSameDocument(String fixture) {
        String out = sameBothWays(Fixtures.body(fixture));
        assertTrue(out.startsWith("{\"schemaVersion\":1,") && out.endsWith("}" + System.lineSeparator()), out);
    }

    /**
     * Each frame of two scenarios and the last of the others, as the simulated portal writes them
     * (every non-ASCII character escaped).
     */
    @Test
    void everyScenarioFramePrintsTheSameDocument() throws Exception {
        for (BuiltInScenario scenario : BuiltInScenario.values()) {
            Scenario played = scenario.load();
            FakeClock clock = new FakeClock();
            try (SimulatedPortal sim = SimulatedPortal.start(played, SimulatedPortal.Settings.loopback(KEY), clock,
                    SimulatedPortal.RequestLog.NONE)) {
                boolean everyFrame = scenario == BuiltInScenario.CLEAN || scenario == BuiltInScenario.FAILED_USERS;
                for (Frame frame : everyFrame ? played.frames() : played.frames().subList(played.frames().size() - 1,
                        played.frames().size())) {
                    Duration until = frame.at().minus(Duration.between(FakeClock.START, clock.instant()));
                    if (!until.isNegative()) {
                        clock.advance(until);
                    }
                    Result copied = new CliRun().run("--host", sim.url().toString(), "--key", KEY, "--once", "-o", "json");
                    Result modelled = new CliRun().run("--host", sim.url().toString(), "--key", KEY, "--once", "-o", "json",
                            "--junit", dir.resolve("junit.xml").toString());
                    assertEquals(modelled.exitCode(), copied.exitCode(), scenario + " at " + frame.at() + ": " + copied.all());
                    assertEquals(modelled.out(), copied.out(), scenario + " at " + frame.at());
                }
            }
        }
    }

    @Test
    void theKeyIsRedactedWhereverItHides() {
        String url = URLEncoder.encode(KEY + "/x", StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder();
        for (char c : KEY.toCharArray()) {
            escaped.append(String.format("\\u%04x", (int) c));
        }
        String other = "sk-environment98765";
        String body = Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":{\"operation\":"
                + "\"parse\",\"users\":[{\"key\":\"" + KEY + "\",\"email\":\"" + escaped + "\",\"displayName\":\"a" + KEY + "b\","
                + "\"firstName\":\"" + url + "\",\"lastName\":\"" + other + "\"}],\"errors\":[\"Bearer " + escaped + "\"]}}");
        String out = sameBothWays(body, "MIGSTATUS_KEY", other);
        assertFalse(out.contains(KEY) || out.contains(other), out);
        assertTrue(out.contains("\"key\":\"[redacted]\",\"email\":\"[redacted]\",\"displayName\":\"a[redacted]b\""), out);
    }

    @Test
    void anAnswerOfTheWrongTypeIsTheSameErrorBothWays() {
        String out = sameBothWays(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":"
                + "{\"operation\":\"migration\",\"users\":[{\"key\":\"a\"},{\"key\":\"b\",\"migratingFiles\":{\"filesCount\":-2}}],"
                + "\"successedUsers\":1}}"));
        assertTrue(out.contains("\"exitCode\":8") && out.contains("response.parseResult.users[1].migratingFiles.filesCount as a negative"
                + " number (-2)"), out);
    }
}
