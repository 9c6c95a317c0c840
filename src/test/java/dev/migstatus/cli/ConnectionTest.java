package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which portal is asked, with which credential, sent how: options, environment, key files. */
class ConnectionTest {

    private static final String SESSION = "BwlmZ9kPq0-session.token_value=";
    private static final String API_KEY = "sk-0123456789abcdef0123456789abcdef";

    private Portal portal;

    @BeforeEach
    void start() {
        portal = new Portal().status(fixture("parse-completed"));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    /** The first request; every request of a run is built alike. */
    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = portal.statusRequests();
        assertFalse(requests.isEmpty(), "no request reached the portal");
        return requests.get(0);
    }

    @Test
    void sessionTokenGoesAsTheAuthCookieOnly() {
        Result r = new CliRun().run("--host", portal.url(), "--key", SESSION);
        assertEquals(0, r.exitCode(), r.all());
        LoggedRequest request = onlyRequest();
        assertEquals("asc_auth_key=" + SESSION, request.getHeader("Cookie"));
        assertNull(request.getHeader("Authorization"));
        assertFalse(request.getUrl().contains(SESSION), "never in the URL");
    }

    @Test
    void apiKeyGoesAsBearerTokenOnly() {
        Result r = new CliRun().run("--host", portal.url(), "--key", API_KEY);
        assertEquals(0, r.exitCode(), r.all());
        LoggedRequest request = onlyRequest();
        assertEquals("Bearer " + API_KEY, request.getHeader("Authorization"));
        assertNull(request.getHeader("Cookie"));
        assertNull(request.getHeader("ApiKeyBearer"), "the header the SDKs use is ignored by the server");
        assertEquals("/api/2.0/migration/status", request.getUrl());
    }

    @Test
    void asksForGzipAndSaysWhoItIs() {
        new CliRun().run("--host", portal.url(), "--key", API_KEY);
        LoggedRequest request = onlyRequest();
        assertTrue(request.getHeader("Accept-Encoding").contains("gzip"));
        assertTrue(request.getHeader("User-Agent").startsWith("migstatus/"));
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void pathPrefixAndTrailingSlashAreKept() {
        portal.server().stubFor(get(urlPathEqualTo("/docspace/api/2.0/migration/status"))
                .willReturn(fixture("parse-completed")));
        Result r = new CliRun().run("--host", portal.url() + "/docspace/", "--key", API_KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(portal.statusRequests().isEmpty());
    }

    @Test
    void hostAndKeyFromMigstatusVariables() {
        Result r = new CliRun().env("MIGSTATUS_HOST", portal.url()).env("MIGSTATUS_KEY", API_KEY).run();
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
    }

    @Test
    void hostFromDocspaceBaseUrlAndKeyFromDocspaceApiKey() {
        Result r = new CliRun().env("DOCSPACE_BASE_URL", portal.url()).env("DOCSPACE_API_KEY", API_KEY).run();
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
    }

    @Test
    void keyFromDocspaceAuthToken() {
        Result r = new CliRun().env("DOCSPACE_BASE_URL", portal.url()).env("DOCSPACE_AUTH_TOKEN", SESSION).run();
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("asc_auth_key=" + SESSION, onlyRequest().getHeader("Cookie"));
    }

    @Test
    void firstSetVariableWins() {
        Result r = new CliRun()
                .env("MIGSTATUS_HOST", portal.url()).env("DOCSPACE_BASE_URL", "http://127.0.0.2:1")
                .env("MIGSTATUS_KEY", SESSION).env("DOCSPACE_API_KEY", API_KEY).env("DOCSPACE_AUTH_TOKEN", "other-token-123")
                .run();
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("asc_auth_key=" + SESSION, onlyRequest().getHeader("Cookie"));
    }

    @Test
    void optionsBeatTheEnvironment() {
        Result r = new CliRun().env("MIGSTATUS_HOST", "http://127.0.0.2:1").env("MIGSTATUS_KEY", SESSION)
                .run("--host", portal.url(), "--key", API_KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
    }

    @Test
    void keyFromStandardInputIsTrimmed() {
        Result r = new CliRun().stdin("  " + API_KEY + "\n\n").run("--host", portal.url(), "--key-file", "-");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
    }

    @Test
    void keyFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, SESSION + "\r\n");
        Result r = new CliRun().run("--host", portal.url(), "--key-file", file.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("asc_auth_key=" + SESSION, onlyRequest().getHeader("Cookie"));
    }

    @Test
    void keyFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "\uFEFF" + API_KEY + "\n");
        Result r = new CliRun().run("--host", portal.url(), "--key-file", file.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + API_KEY, onlyRequest().getHeader("Authorization"));
    }

    @Test
    void keyFromATerminalIsRefusedRatherThanWaitedFor() {
        Result r = new CliRun().stdinTerminal().run("--host", portal.url(), "--key-file", "-");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--key-file -: standard input is a terminal; pipe the key in"), r.err());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Result r = new CliRun().run("--host", "portal.example.com:99999", "--key", API_KEY);
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("port 99999 is out of range (1-65535)"), r.err());
        Result underscore = new CliRun().run("--host", "my_portal.example.com", "--key", API_KEY);
        assertEquals(2, underscore.exitCode());
        assertTrue(underscore.err().contains("has no valid host name and port"), underscore.err());
    }

    @Test
    void missingKeyFileIsAUsageError(@TempDir Path dir) {
        Result r = new CliRun().run("--host", portal.url(), "--key-file", dir.resolve("nope").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--key-file " + dir.resolve("nope") + ": no such file"), r.err());
    }

    @Test
    void keyAndKeyFileTogetherIsAUsageError() {
        Result r = new CliRun().run("--host", portal.url(), "--key", API_KEY, "--key-file", "-");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--key and --key-file both given"), r.err());
    }

    @Test
    void noHostIsAUsageErrorThatSaysWhatToDo() {
        Result r = new CliRun().run("--key", API_KEY);
        assertEquals(2, r.exitCode());
        assertEquals("migstatus: no portal given: use --host portal.example.com or set MIGSTATUS_HOST;"
                + " to see it at work without one: migstatus demo (see 'migstatus --help')", r.err().strip());
        Result logs = new CliRun().run("logs", "--key", API_KEY);
        assertEquals("migstatus: no portal given: use --host portal.example.com or set MIGSTATUS_HOST (see 'migstatus logs --help')",
                logs.err().strip());
    }

    @Test
    void noKeyIsAUsageError() {
        Result r = new CliRun().run("--host", portal.url());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no key given"), r.err());
    }

    @Test
    void keyWithALineBreakIsRefusedWithoutShowingIt() {
        Result r = new CliRun().env("MIGSTATUS_KEY", "abc\ndef-secret-part").run("--host", portal.url());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the key from MIGSTATUS_KEY is not usable"), r.err());
        assertFalse(r.err().contains("def-secret-part"));
        assertTrue(portal.statusRequests().isEmpty());
    }

    @Test
    void hostWithCredentialsInItIsRefused() {
        Result r = new CliRun().run("--host", "https://admin:hunter2@portal.example.com", "--key", API_KEY);
        assertEquals(2, r.exitCode());
        assertFalse(r.err().contains("hunter2"), r.err());
    }
}
