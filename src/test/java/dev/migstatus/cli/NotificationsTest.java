package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --notify and --webhook, as a user meets them: the portal's WireMock also plays the chat that receives the post. */
class NotificationsTest {

    private static final String KEY = "sk-0d0b1e55000000000000aa";
    private static final String HOOK = "/services/T01/B02/t0kenInThePath";
    private static final String OSC9 = "\u001b]9;";

    @RegisterExtension
    final Portal portal = new Portal();

    /** Runs for {@code length}, then completes cleanly. */
    private CliRun migrationOf(CliRun run, Duration length) {
        portal.status(json(Fixtures.running("migration", 40)));
        Instant start = run.clock().instant();
        run.onSleep(slept -> {
            if (!run.clock().instant().isBefore(start.plus(length))) {
                portal.status(fixture("migration-completed-clean"));
            }
        });
        return run;
    }

    private String hook() {
        return portal.url() + HOOK;
    }

    private void receiver(int... statuses) {
        for (int status : statuses) {
            portal.server().stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(status).withBody("no_service")));
        }
    }

    private List<LoggedRequest> posts() {
        return portal.server().findAll(postRequestedFor(urlPathEqualTo(HOOK)));
    }

    // --- --notify --------------------------------------------------------------------------

    @Test
    void notifyRingsAndNotifiesThroughTheTerminalWhenALongWatchEnds() {
        Result r = migrationOf(new CliRun().terminal(100), Duration.ofMinutes(3)).watch(portal, KEY, "--notify");
        assertEquals(0, r.exitCode(), r.all());
        String sentence = "Migration completed: 2 users imported, 0 failed";
        String title = "migstatus 127.0.0.1:" + portal.port();
        assertTrue(r.out().endsWith(OSC9 + title + ": " + sentence + "\u0007"
                + "\u001b]777;notify;" + title + ";" + sentence + "\u0007\u0007"), "after the report, last: " + r.out());
    }

    @Test
    void notifyGoesToStderrWhenOnlyStderrIsATerminal() {
        Result r = migrationOf(new CliRun().errTerminal(100), Duration.ofMinutes(3)).watch(portal, KEY, "--notify", "-o", "json");
        assertFalse(r.out().contains("\u001b"), "stdout is a file: " + r.out());
        assertTrue(r.err().contains(OSC9 + "migstatus 127.0.0.1:" + portal.port() + ": Migration completed"), r.err());
    }

    @Test
    void notifyNeverWritesEscapesIntoAPipe() {
        Result r = migrationOf(new CliRun(), Duration.ofMinutes(3)).watch(portal, KEY, "--notify");
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.all().contains("\u001b") || r.all().contains("\u0007"), r.all());
    }

    @Test
    void notifyStaysQuietAfterAShortWatch() {
        Result r = migrationOf(new CliRun().terminal(100), Duration.ofSeconds(30)).watch(portal, KEY, "--notify");
        assertTrue(r.out().contains("Migration completed"), r.out());
        assertFalse(r.out().contains(OSC9) || r.out().contains("\u0007"), "the user is still looking: " + r.out());
    }

    // --- --webhook -------------------------------------------------------------------------

    @Test
    void webhookPostsTheJsonDocumentWithoutTheKey() {
        receiver(200);
        Result r = migrationOf(new CliRun(), Duration.ofMinutes(3)).watch(portal, KEY, "-o", "json", "--webhook", hook());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, posts().size());
        LoggedRequest request = posts().get(0);
        assertEquals(r.out().strip(), request.getBodyAsString(), "the same document as -o json");
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertFalse(request.containsHeader("Authorization") || request.containsHeader("Cookie"),
                "the portal's credential stays with the portal: " + request.getHeaders());
        assertTrue(portal.statusRequests().get(0).containsHeader("Authorization"), "while the portal got it");
        assertFalse(r.all().contains("t0kenInThePath"), "the webhook's address is not shown: " + r.all());
    }

    @Test
    void aKeyEchoedByTheServerIsRedactedInThePost() {
        receiver(200);
        portal.status(json(Fixtures.envelope("{\"progress\":100,\"error\":\"storage rejected token " + KEY + "\","
                + "\"isCompleted\":true,\"parseResult\":{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\"}}")));
        Result r = new CliRun().watch(portal, KEY, "--webhook", hook());
        assertEquals(3, r.exitCode(), r.all());
        String body = posts().get(0).getBodyAsString();
        assertTrue(body.contains("storage rejected token [redacted]"), body);
        assertFalse(body.contains(KEY), body);
    }

    @Test
    void slackFormatPostsTheSummarySentence() {
        receiver(200);
        Result r = migrationOf(new CliRun(), Duration.ofMinutes(3)).watch(portal, KEY, "--webhook", hook(), "--webhook-format", "slack");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("{\"text\":\"127.0.0.1:" + portal.port() + ": Migration completed: 2 users imported, 0 failed (exit 0)\"}",
                posts().get(0).getBodyAsString());
    }

    @Test
    void aWebhookThatFailsIsOneWarningAfterRetriesAndTheExitCodeStays() {
        receiver(500);
        CliRun run = migrationOf(new CliRun(), Duration.ofMinutes(3));
        Result r = run.watch(portal, KEY, "--webhook", hook(), "--max-failed-users", "0");
        assertEquals(0, r.exitCode(), "the migration went well; the chat being down changes nothing: " + r.all());
        assertEquals(4, posts().size(), "one try and three retries");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                r.sleeps().subList(r.sleeps().size() - 3, r.sleeps().size()), "growing pauses on the run's sleeper");
        assertEquals(List.of("migstatus: --webhook: not delivered (4 attempts): http://127.0.0.1:" + portal.port()
                + " answered HTTP 500: no_service"), r.err().lines().toList());
    }

    @Test
    void theWebhookCanComeFromTheEnvironment() {
        receiver(200);
        Result r = migrationOf(new CliRun().env("MIGSTATUS_WEBHOOK", hook()), Duration.ofMinutes(1)).watch(portal, KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, posts().size());
    }

    @Test
    void aWebhookThatWouldLeakIsRefusedBeforeAnythingIsSent() {
        Result plain = new CliRun().watch(portal, KEY, "--webhook", "http://chat.example.com/hooks/t0kenInThePath");
        assertEquals(2, plain.exitCode(), plain.all());
        assertTrue(plain.err().startsWith("migstatus: --webhook: plain http would send the report across the network"), plain.err());
        assertFalse(plain.all().contains("t0kenInThePath"), plain.all());
        assertTrue(portal.statusRequests().isEmpty());

        Result formatAlone = new CliRun().watch(portal, KEY, "--webhook-format", "slack");
        assertEquals(2, formatAlone.exitCode(), formatAlone.all());
        assertTrue(formatAlone.err().contains("--webhook-format needs a webhook"), formatAlone.err());
    }
}
