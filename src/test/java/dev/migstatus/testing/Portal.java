package dev.migstatus.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A stand-in DocSpace portal: WireMock on 127.0.0.1, speaking HTTP/1.1 only. */
public final class Portal implements AutoCloseable {

    public static final String STATUS = "/api/2.0/migration/status";
    public static final String LOGS = "/api/2.0/migration/logs";

    private final WireMockServer server;

    public Portal() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(8)
                .jettyAcceptors(1));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    /** What --host takes to reach this portal. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    public static ResponseDefinitionBuilder fixture(String name) {
        return json(Fixtures.body(name));
    }

    /** Answers every status request the same way. */
    public Portal status(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(STATUS)).willReturn(response));
        return this;
    }

    /** Answers status requests with these responses in turn; the last one repeats. */
    public Portal statusSequence(ResponseDefinitionBuilder... responses) {
        return sequence(STATUS, responses);
    }

    public Portal sequence(String path, ResponseDefinitionBuilder... responses) {
        String scenario = "sequence " + path;
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step " + i;
            var stub = get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state).willReturn(responses[i]);
            if (i + 1 < responses.length) {
                stub = stub.willSetStateTo("step " + (i + 1));
            }
            server.stubFor(stub);
        }
        return this;
    }

    public List<LoggedRequest> statusRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
