package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
    static final Portal portal = Portal.sharedByTheClass();

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

    /** A CI job sets --timeout to end before its own limit: the post that tells of the timeout must not outlast it. */
    @Test
    void afterATimeoutTheWebhookGetsOneQuickTryAndNoRetries() {
        receiver(500);
        portal.status(json(Fixtures.running("migration", 40)));
        Result r = new CliRun().watch(portal, KEY, "--timeout", "10m", "--webhook", hook());
        assertEquals(124, r.exitCode(), r.all());
        assertEquals(1, posts().size(), "the timeout is still told, once");
        assertTrue(r.err().contains("migstatus: --webhook: not delivered (1 attempt): http://127.0.0.1:" + portal.port()
                + " answered HTTP 500: no_service"), r.err());
    }

    @Test
    void theWebhookCanComeFromTheEnvironment() {
        receiver(200);
        Result r = migrationOf(new CliRun().env("MIGSTATUS_WEBHOOK", hook()), Duration.ofMinutes(1)).watch(portal, KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, posts().size());
    }

    // --- a fleet ---------------------------------------------------------------------------

    /** berlin and paris on the one WireMock, as two portals behind one proxy. */
    private Result fleet(CliRun run, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", portal.url() + "/berlin", "--host", portal.url() + "/paris",
                "--key", KEY, "--webhook", hook()));
        args.addAll(List.of(extra));
        return run.run(args.toArray(String[]::new));
    }

    private void answer(String name, ResponseDefinitionBuilder response) {
        portal.server().stubFor(get(urlPathEqualTo("/" + name + Portal.STATUS)).willReturn(response));
    }

    @Test
    void aFleetPostsEachPortalAsItEndsThenTheFleet() {
        receiver(200);
        answer("berlin", fixture("migration-completed-clean"));
        answer("paris", json(Fixtures.running("migration", 40)));
        CliRun run = new CliRun();
        // paris ends only once berlin's post has arrived: posts go out while the rest of the fleet is still watched.
        run.onSleep(slept -> {
            if (posts().size() == 1) {
                answer("paris", fixture("migration-completed-with-failures"));
            }
        });
        Result r = fleet(run, "--timeout", "1h", "-o", "json");
        assertEquals(1, r.exitCode(), "paris's failures, not a timeout: " + r.all());
        List<String> bodies = posts().stream().map(LoggedRequest::getBodyAsString).toList();
        assertEquals(3, bodies.size(), bodies.toString());
        assertTrue(bodies.get(0).contains("\"host\":\"" + portal.url() + "/berlin\",\"outcome\":\"ok\""), bodies.get(0));
        assertTrue(bodies.get(1).contains("\"host\":\"" + portal.url() + "/paris\",\"outcome\":\"completed_with_failures\""),
                bodies.get(1));
        assertEquals(r.out().strip(), bodies.get(2), "last, the fleet's own document, as -o json prints it");
    }

    @Test
    void aFleetInAChatIsOneLinePerPortalAndOneForAll() {
        receiver(200);
        answer("berlin", fixture("migration-completed-clean"));
        answer("paris", fixture("migration-completed-clean"));
        Result r = fleet(new CliRun(), "--webhook-format", "slack");
        assertEquals(0, r.exitCode(), r.all());
        List<String> bodies = posts().stream().map(LoggedRequest::getBodyAsString).sorted().toList();
        assertEquals(List.of("{\"text\":\"2 portals: 2 ok (exit 0)\"}",
                "{\"text\":\"berlin: Migration completed: 2 users imported, 0 failed (it had already ended when the watch started) (exit 0)\"}",
                "{\"text\":\"paris: Migration completed: 2 users imported, 0 failed (it had already ended when the watch started) (exit 0)\"}"),
                bodies);
    }

    @Test
    void aChatThatIsDownCostsAFleetOneRoundOfRetriesAndOneWarningPerKind() {
        receiver(500);
        answer("berlin", fixture("migration-completed-clean"));
        answer("paris", json(Fixtures.running("migration", 40)));
        CliRun run = new CliRun();
        run.onSleep(slept -> {
            if (posts().size() >= 4) {
                answer("paris", fixture("migration-completed-clean"));
            }
        });
        Result r = fleet(run, "--timeout", "1h");
        assertEquals(0, r.exitCode(), "the chat being down changes nothing: " + r.all());
        assertEquals(8, posts().size(), "berlin's four tries, none for paris, the fleet's four");
        List<String> warnings = r.err().lines().filter(line -> line.contains("--webhook")).toList();
        String answered = "http://127.0.0.1:" + portal.port() + " answered HTTP 500: no_service";
        assertEquals(List.of("migstatus: --webhook: berlin: not delivered (4 attempts): " + answered
                        + "; 1 portal that ended after it not posted",
                "migstatus: --webhook: not delivered (4 attempts): " + answered), warnings);
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
