package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A portal (or whoever answers for it) that sends what it should not: the files a CI job keeps stay sound. */
class HostileAnswersTest {

    private static final String KEY = "sk-hostile-0123456789abc";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    /** A completed migration whose one user has this display name (JSON-escaped) and failed. */
    private void userNamed(String jsonName) {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"\","
                + "\"parseResult\":{\"operation\":\"migration\",\"successedUsers\":0,\"failedUsers\":1,"
                + "\"users\":[{\"key\":\"u1\",\"email\":\"u1@example.com\",\"displayName\":\"" + jsonName + "\"}],"
                + "\"errors\":[\"u1@example.com - " + jsonName + "\"]}}")));
    }

    @Test
    void namesWithCharactersXmlForbidsKeepTheJunitReportWellFormed(@TempDir Path dir) throws Exception {
        userNamed("Non\\uFFFEchar\\uFFFF \\uD800 \\u0001");
        Path junit = dir.resolve("junit.xml");
        Result r = watch(new CliRun(), "--junit", junit.toString());
        assertEquals(1, r.exitCode(), r.all());
        // A CI server's parser rejects the whole file over one such character.
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("Non\\ufffechar\\uffff \uFFFD \\x01"), xml);
    }

    @Test
    void markdownInANameStaysTextInTheStepSummary(@TempDir Path dir) throws Exception {
        userNamed("![x](http://evil.example/p.png) [click](javascript:alert(1)) **bold** <img src=x> a|b");
        Path summary = dir.resolve("summary.md");
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString()));
        assertEquals(1, r.exitCode(), r.all());
        String md = Files.readString(summary);
        assertTrue(md.contains("| \\!\\[x\\]\\(http://evil.example/p.png\\) \\[click\\]\\(javascript:alert\\(1\\)\\)"
                + " \\*\\*bold\\*\\* &lt;img src=x&gt; a\\|b | u1@example.com |"), md);
        assertFalse(md.matches("(?s).*[^\\\\][!\\]]\\(.*"), "no live image or link: " + md);
        assertFalse(md.contains("<img"), md);
    }

    @Test
    void aLogLineCannotPoseAsAWorkflowCommandOnGithub() {
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("08:00 import started\n::error::forged failure\n::stop-commands::x\n::add-mask::secret\n"));
        Result r = new CliRun().env("GITHUB_ACTIONS", "true").run("logs", "--host", portal.url(), "--key", KEY);
        assertEquals(0, r.exitCode(), r.all());
        // The token is random: a log cannot know it, so it cannot end the fence early.
        assertTrue(r.out().matches("::stop-commands::(\\w+)\n08:00 import started\n::error::forged failure\n"
                + "::stop-commands::x\n::add-mask::secret\n::\\1::\n"), r.out());
        Result elsewhere = new CliRun().run("logs", "--host", portal.url(), "--key", KEY);
        assertTrue(elsewhere.out().startsWith("08:00 import started\n"), "only GitHub's runner needs the fence: " + elsewhere.out());
    }

    @Test
    void insecureWithPlainHttpWarnsAboutNoCertificate() {
        portal.status(Portal.fixture("migration-completed-clean"));
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("line\n"));
        Result watch = watch(new CliRun(), "--insecure");
        Result logs = new CliRun().run("logs", "--host", portal.url(), "--key", KEY, "--insecure");
        assertEquals(0, watch.exitCode(), watch.all());
        assertEquals(0, logs.exitCode(), logs.all());
        assertEquals("", watch.err(), "an http:// portal has no certificate to skip");
        assertEquals("", logs.err());
    }

    /** Each of these once read as "ok, 0 failed". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"error\":{\"message\":\"disk full\"},\"parseResult\":{\"operation\":\"migration\"} | error as an object",
        "\"error\":\"\",\"parseResult\":{\"operation\":\"migration\",\"errors\":\"x failed\"} | parseResult.errors as a string",
        "\"error\":\"\",\"parseResult\":{\"operation\":\"migration\",\"failedArchives\":\"a.zip\"} | parseResult.failedArchives as a string",
        "\"error\":\"\",\"parseResult\":{\"operation\":\"migration\",\"failedUsers\":\"3\"} | parseResult.failedUsers as a string",
    })
    void aFailureFieldOfTheWrongTypeIsAProtocolErrorNotOk(String members, String what) {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true," + members + "}")));
        Result r = watch(new CliRun(), "-o", "json");
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("127.0.0.1:" + portal.port() + " sent response." + what + ", where DocSpace writes"), r.err());
        assertTrue(r.out().contains("\"outcome\":\"protocol_error\""), r.out());
        assertEquals(1, portal.statusRequests().size(), "not retried: the next answer would say the same");
    }
}
