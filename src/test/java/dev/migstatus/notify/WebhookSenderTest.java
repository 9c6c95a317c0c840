package dev.migstatus.notify;

import dev.migstatus.secrets.Redactor;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts to a local receiver (WireMock on 127.0.0.1) and looks at what it got. */
class WebhookSenderTest {

    private static final String KEY = "sk-0123456789abcdef0123456789abcdef";
    private static final String HOOK = "/services/T000/B000/s3cr3tT0ken";

    @RegisterExtension
    static final Portal receiver = Portal.sharedByTheClass();

    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** What is left of --timeout; null: none was given. */
    private final AtomicReference<Duration> timeLeft = new AtomicReference<>();
    private final Redactor redactor = new Redactor();

    private Delivery send(WebhookMessage message) {
        return send(receiver.url() + HOOK, message);
    }

    private Delivery send(String url, WebhookMessage message) {
        redactor.add(KEY);
        WebhookSender sender = new WebhookSender(WebhookSender.httpClient(), pauses::add, stopping::get, timeLeft::get, redactor::redact,
                "migstatus/test");
        return sender.send(WebhookTarget.parse(url), message);
    }

    private void answer(int... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "attempt " + (i + 1);
            var stub = post(urlPathEqualTo(HOOK)).inScenario("hook").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withBody(statuses[i] >= 400 ? "no_service\n" : "ok"));
            if (i + 1 < statuses.length) {
                stub = stub.willSetStateTo("attempt " + (i + 2));
            }
            receiver.server().stubFor(stub);
        }
    }

    private List<LoggedRequest> posts() {
        return receiver.server().findAll(postRequestedFor(urlPathEqualTo(HOOK)));
    }

    @Test
    void postsTheDocumentAsJsonWithNothingButItsTypeAndOurName() {
        answer(200);
        String document = "{\"schemaVersion\":1,\"host\":\"https://portal.example.com\",\"outcome\":\"ok\",\"exitCode\":0}";
        Delivery delivery = send(WebhookMessage.document(document));
        assertEquals(new Delivery(true, 1, null), delivery);
        LoggedRequest request = posts().get(0);
        assertEquals(document, request.getBodyAsString());
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("migstatus/test", request.getHeader("User-Agent"));
        assertFalse(request.containsHeader("Authorization"));
        assertFalse(request.containsHeader("Cookie"));
        assertFalse(request.containsHeader("Proxy-Authorization"));
    }

    @Test
    void theKeyNeverReachesTheReceiverEvenWhenTheBodyCarriesIt() {
        answer(200);
        send(WebhookMessage.chat("Migration failed: token " + KEY + " rejected by storage"));
        String received = posts().get(0).getBodyAsString();
        assertEquals("{\"text\":\"Migration failed: token [redacted] rejected by storage\"}", received);
        for (var header : posts().get(0).getHeaders().all()) {
            assertFalse(header.values().toString().contains(KEY), header.key());
        }
    }

    @Test
    void aChatMessageIsSlackTextThatCannotPingTheChannel() {
        answer(200);
        send(WebhookMessage.chat("portal.example.com: Migration failed: <!channel> \"quota\" & more"));
        assertEquals("{\"text\":\"portal.example.com: Migration failed: &lt;!channel&gt; \\\"quota\\\" &amp; more\"}",
                posts().get(0).getBodyAsString());
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPausesOnTheInjectedSleeper() {
        answer(503, 429, 200);
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertEquals(new Delivery(true, 3, null), delivery);
        assertEquals(3, posts().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
    }

    @Test
    void aReceiverThatStaysDownIsGivenUpAfterAFewTriesWithOneReasonThatKeepsTheTokenOut() {
        answer(500);
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertFalse(delivery.delivered());
        assertEquals(WebhookSender.ATTEMPTS, posts().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
        assertEquals(receiver.url() + " answered HTTP 500: no_service", delivery.problem());
    }

    @Test
    void aWrongAddressIsNotRetried() {
        answer(404);
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertEquals(1, delivery.attempts());
        assertEquals(List.of(), pauses);
        assertTrue(delivery.problem().contains("HTTP 404"), delivery.problem());
        assertFalse(delivery.problem().contains("s3cr3t"), "the token in the path stays out of messages");
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.server().stubFor(post(urlPathEqualTo(HOOK))
                .willReturn(aResponse().withStatus(301).withHeader("Location", "http://example.com/elsewhere")));
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertFalse(delivery.delivered());
        assertEquals(1, posts().size());
        assertTrue(delivery.problem().contains("a redirect, not followed"), delivery.problem());
    }

    @Test
    void aReceiverThatIsNotThereIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Delivery delivery = send("http://127.0.0.1:" + closedPort + "/hook", WebhookMessage.document("{}"));
        assertFalse(delivery.delivered());
        assertEquals(WebhookSender.ATTEMPTS, delivery.attempts());
        assertEquals("http://127.0.0.1:" + closedPort + " unreachable (connection refused)", delivery.problem());
    }

    @Test
    void afterCtrlCOneQuickTryAndNoRetries() {
        answer(503, 200);
        stopping.set(true);
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertEquals(1, delivery.attempts());
        assertFalse(delivery.delivered());
        assertEquals(List.of(), pauses);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 9})
    void whatIsLeftOfTheTimeoutLeavesNoTimeForARetry(int secondsLeft) {
        answer(503, 200);
        timeLeft.set(Duration.ofSeconds(secondsLeft));
        Delivery delivery = send(WebhookMessage.document("{}"));
        assertEquals(1, delivery.attempts(), "no retry fits in " + secondsLeft + "s");
        assertFalse(delivery.delivered());
        assertEquals(List.of(), pauses);
    }

    @Test
    void timeEnoughForARetryGetsIt() {
        answer(503, 200);
        timeLeft.set(Duration.ofMinutes(5));
        assertEquals(new Delivery(true, 2, null), send(WebhookMessage.document("{}")));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }

    @Test
    void deliveredMeansNoProblem() {
        answer(204);
        assertNull(send(WebhookMessage.document("{}")).problem());
    }
}
