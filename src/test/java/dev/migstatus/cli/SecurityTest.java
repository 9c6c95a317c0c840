package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key goes to the portal the user named and nowhere else, and nothing the server sends drives the terminal. */
class SecurityTest {

    private static final String KEY = "sk-security-a1b2c3d4e5f6";
    private static final String SESSION = "session-token-ZYXWVUT987";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(CliRun run, String key, String... extra) {
        return run.watch(portal, key, extra);
    }

    @Test
    void aRedirectToAnotherOriginNeverReceivesTheKey() {
        try (Portal elsewhere = new Portal()) {
            elsewhere.status(fixture("migration-completed-clean"));
            portal.status(aResponse().withStatus(302).withHeader("Location", elsewhere.url() + Portal.STATUS));
            Result r = watch(new CliRun(), SESSION);
            assertEquals(8, r.exitCode(), r.all());
            assertTrue(r.err().contains("redirected to another site (" + elsewhere.url() + Portal.STATUS + ")"), r.err());
            assertTrue(r.err().contains("the key is only sent to 127.0.0.1:" + portal.port()), r.err());
            assertTrue(elsewhere.server().findAll(anyRequestedFor(anyUrl())).isEmpty(), "nothing at all was sent there");
        }
    }

    @Test
    void aRedirectWithinTheSameOriginIsFollowedWithTheKey() {
        portal.status(aResponse().withStatus(307).withHeader("Location", "/docspace" + Portal.STATUS));
        portal.server().stubFor(get(urlPathEqualTo("/docspace" + Portal.STATUS)).willReturn(fixture("migration-completed-clean")));
        Result r = watch(new CliRun(), KEY);
        assertEquals(0, r.exitCode(), r.all());
        LoggedRequest followed = portal.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/docspace" + Portal.STATUS))).get(0);
        assertEquals("Bearer " + KEY, followed.getHeader("Authorization"));
    }

    @Test
    void endlessRedirectsEnd() {
        portal.status(aResponse().withStatus(302).withHeader("Location", Portal.STATUS));
        Result r = watch(new CliRun(), KEY);
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("redirected more than 5 times"), r.err());
    }

    @Test
    void anHttpToHttpsRedirectGetsAHint() {
        portal.status(aResponse().withStatus(301).withHeader("Location", "https://127.0.0.1:8443" + Portal.STATUS));
        Result r = watch(new CliRun(), KEY);
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("use --host https://127.0.0.1:8443 so the key"), "the port it redirects to: " + r.err());
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeConnecting() {
        Result r = new CliRun().run("--host", "http://portal.example.com", "--key", KEY);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is plain http: the key would cross the network in clear text"), r.err());
        assertTrue(r.err().contains("--allow-http"), r.err());
    }

    @Test
    void aLocalhostNameIsJudgedByTheAddressItResolvesTo() {
        // The test JVM's hosts file (src/test/resources/no-dns.hosts) points lan.localhost at 192.0.2.1.
        Result lan = new CliRun().run("--host", "http://lan.localhost", "--key", KEY);
        assertEquals(2, lan.exitCode(), lan.all());
        assertTrue(lan.err().contains("--host http://lan.localhost is plain http (lan.localhost is 192.0.2.1, not this machine):"
                + " the key would cross the network in clear text"), lan.err());
        portal.status(fixture("migration-completed-clean"));
        Result here = new CliRun().run("--host", "http://portal.localhost:" + portal.port(), "--key", KEY);
        assertEquals(0, here.exitCode(), "portal.localhost is 127.0.0.1: " + here.all());
    }

    @Test
    void aServerMessageEchoingTheKeyIsRedacted() {
        portal.status(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Access denied for token " + SESSION + "\"},\"status\":1,\"statusCode\":403}"));
        Result r = watch(new CliRun(), SESSION, "-o", "json");
        assertEquals(6, r.exitCode());
        assertTrue(r.err().contains("Access denied for token [redacted]"), r.err());
        assertTrue(r.out().contains("Access denied for token [redacted]"), r.out());
    }

    @Test
    void theKeyIsRedactedInEveryUrlEscapedForm() {
        String upper = KEY.replace("-", "%2D");
        String lower = KEY.replace("-", "%2d");
        portal.status(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Denied for ?token=" + upper + " and ?token=" + lower + "\"},\"status\":1,\"statusCode\":403}"));
        Result r = watch(new CliRun(), KEY, "-o", "json");
        assertEquals(6, r.exitCode(), r.all());
        assertTrue(r.err().contains("Denied for ?token=[redacted] and ?token=[redacted]"), r.err());
        assertFalse(r.all().contains("a1b2c3d4e5f6"), r.all());
        try (Portal elsewhere = new Portal()) {
            portal.status(aResponse().withStatus(302).withHeader("Location", elsewhere.url() + "/login?next=" + lower));
            Result redirect = watch(new CliRun(), KEY);
            assertEquals(8, redirect.exitCode(), redirect.all());
            assertTrue(redirect.err().contains("/login?next=[redacted]"), redirect.err());
        }
    }

    @Test
    void aStatusEchoingTheKeyIsRedactedEverywhere() {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"error\":\"bad token " + KEY + "\",\"isCompleted\":true,"
                + "\"parseResult\":{\"operation\":\"parse\",\"errors\":[\"" + KEY + "\"]}}")));
        Result text = watch(new CliRun(), KEY);
        Result json = watch(new CliRun(), KEY, "-o", "json");
        assertEquals(3, text.exitCode());
        assertTrue(text.out().contains("bad token [redacted]"), text.out());
        assertTrue(json.out().contains("bad token [redacted]"), json.out());
    }

    @Test
    void verboseShowsEveryExchangeButNeverTheKey() {
        portal.statusSequence(aResponse().withStatus(503), fixture("migration-completed-clean"));
        Result r = watch(new CliRun(), SESSION, "-v");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("> GET " + portal.url() + Portal.STATUS + " (Accept: application/json, Accept-Encoding: gzip, Cookie: [redacted])"), r.err());
        assertTrue(r.err().contains("< 503 GET " + portal.url() + Portal.STATUS + " in "), r.err());
        assertTrue(r.err().contains("< 200 GET "), r.err());
        assertTrue(r.err().contains("retry: attempt 1 failed (503 Service Unavailable"), r.err());
    }

    @Test
    void keyOnTheCommandLineGetsAHintOnATerminal() {
        portal.status(fixture("migration-completed-clean"));
        Result terminal = watch(new CliRun().terminal(100), KEY);
        assertTrue(terminal.err().contains("--key-file or MIGSTATUS_KEY keep it out"), terminal.err());
        Result pipe = watch(new CliRun(), KEY);
        assertFalse(pipe.err().contains("--key-file"), "no hint in a log: " + pipe.err());
        Result fromEnv = new CliRun().terminal(100).env("MIGSTATUS_KEY", KEY).run("--host", portal.url());
        assertFalse(fromEnv.err().contains("hint"), fromEnv.err());
    }

    @Test
    void serverStringsCannotDriveTheTerminal() {
        String esc = "\\u001b]0;owned\\u0007\\u001b[2J\\u202e\\u009b";
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"fatal " + esc + "\","
                + "\"parseResult\":{\"migratorName\":\"Next" + esc + "\",\"operation\":\"parse\","
                + "\"failedArchives\":[\"/var/tmp/" + esc + ".zip\"],\"errors\":[\"err " + esc + "\"],"
                + "\"users\":[{\"key\":\"k" + esc + "\",\"email\":\"e" + esc + "\",\"displayName\":\"n" + esc + "\",\"userType\":\"T" + esc + "\"}],"
                + "\"withoutEmailUsers\":[{\"key\":\"w" + esc + "\",\"firstName\":\"f" + esc + "\"}],"
                + "\"groups\":[{\"groupName\":\"g" + esc + "\",\"userUidList\":[\"k\"]}]}}")));
        for (String[] options : List.of(new String[0], new String[] {"-o", "json"}, new String[] {"--until", "migrated"})) {
            Result r = watch(new CliRun().terminal(200), KEY, options);
            assertEquals(3, r.exitCode(), r.all());
            for (char bad : new char[] {'\u001b', '\u0007', '\u202e', '\u009b'}) {
                String withoutOurOwnCodes = r.all().replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "");
                assertFalse(withoutOurOwnCodes.indexOf(bad) >= 0, "raw U+" + Integer.toHexString(bad) + " in " + r.all());
            }
            assertFalse(r.all().contains("\u001b]0;"), "no title change");
            assertFalse(r.all().contains("\u001b[2J"), "no screen clear");
        }
    }

    @Test
    void serverMessagesInErrorsCannotDriveTheTerminal() {
        portal.status(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Denied \\u001b[2J\\u001b]0;x\\u0007\"},\"status\":1,\"statusCode\":403}"));
        Result r = watch(new CliRun(), KEY);
        assertEquals(6, r.exitCode());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("Denied \\x1b[2J"), r.err());
    }

    @Test
    void aMistypedKeyOptionDoesNotShowTheKey() {
        for (String[] args : List.of(
                new String[] {"--host", portal.url(), "--kye=" + KEY},
                new String[] {"--host", portal.url(), KEY, "-o", "json"},
                new String[] {"--host", portal.url(), "--key", KEY, "--bogus=" + KEY})) {
            Result r = new CliRun().run(args);
            assertEquals(2, r.exitCode(), r.all());
            assertFalse(r.all().contains(KEY), r.all());
            assertFalse(r.all().contains(KEY.substring(3)), r.all());
        }
    }

    @Test
    void aKeyTooShortToBeRealIsRefused() {
        Result r = new CliRun().run("--host", portal.url(), "--key", "e");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the key is too short to be a DocSpace key"), r.err());
    }

    @Test
    void aMaskedKeyKeepsTheJunitReportWellFormed(@TempDir Path dir) throws Exception {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"\","
                + "\"parseResult\":{\"operation\":\"migration\",\"successedUsers\":1,\"failedUsers\":1,"
                + "\"users\":[{\"key\":\"" + KEY + "\",\"displayName\":\"Echo " + KEY + " name\"}],"
                + "\"errors\":[\"" + KEY + " - Couldn't import user\"]}}")));
        Path junit = dir.resolve("junit.xml");
        Result r = watch(new CliRun(), KEY, "--junit", junit.toString());
        assertEquals(1, r.exitCode(), r.all());
        String xml = Files.readString(junit);
        assertFalse(xml.contains(KEY.substring(3)), xml);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertTrue(xml.contains("Echo [redacted] name"), xml);
    }

    @Test
    void aKeyCutToFitATableIsStillMasked() {
        String longKey = "sk-0123456789abcdef0123456789abcdef0123456789abcdef";
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"\","
                + "\"parseResult\":{\"operation\":\"parse\",\"users\":[{\"key\":\"k1\",\"email\":\"a@example.com\","
                + "\"displayName\":\"Echo " + longKey + " name\"}]}}")));
        for (int columns : new int[] {40, 60, 80}) {
            Result r = watch(new CliRun().columns(columns), longKey);
            assertEquals(0, r.exitCode(), r.all());
            assertFalse(r.all().contains(longKey.substring(3, 9)), "not even the part that fitted: " + r.out());
        }
    }

    @Test
    void theKeyIsNeverInTheUrlOrQuery() {
        portal.status(fixture("migration-completed-clean"));
        watch(new CliRun(), KEY);
        LoggedRequest request = portal.statusRequests().get(0);
        assertFalse(request.getAbsoluteUrl().contains(KEY));
        assertNull(request.getHeader("Cookie"));
    }
}
