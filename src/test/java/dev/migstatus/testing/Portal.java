package dev.migstatus.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in DocSpace portal: WireMock on 127.0.0.1, speaking HTTP/1.1 only. Declared as
 * {@code @RegisterExtension final Portal portal = new Portal();} it is started for each test and
 * stopped after it; declared {@code static} from {@link #sharedByTheClass()}, one serves every
 * test of the class and forgets each test's stubs and requests after it.
 */
public final class Portal implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    public static final String STATUS = "/api/2.0/migration/status";
    public static final String LOGS = "/api/2.0/migration/logs";

    private final WireMockServer server;
    private final boolean tls;
    private final boolean shared;

    public Portal() {
        this(null, false);
    }

    /**
     * One portal for every test of a class, for a class of many short tests: starting WireMock
     * costs more than most of them. Each test starts with no stubs, no requests and every
     * scenario at its start.
     */
    public static Portal sharedByTheClass() {
        return new Portal(null, true);
    }

    /** @param keystore the https portal's key and certificate, a resource; null for plain http */
    private Portal(String keystore, boolean shared) {
        this.tls = keystore != null;
        this.shared = shared;
        var options = options()
                .bindAddress("127.0.0.1")
                .http2PlainDisabled(true)
                .http2TlsDisabled(true)
                .containerThreads(8)
                .jettyAcceptors(1);
        if (tls) {
            options.httpDisabled(true).dynamicHttpsPort()
                    .keystorePath(resourcePath(keystore)).keystoreType("PKCS12")
                    .keystorePassword("changeit").keyManagerPassword("changeit");
        } else {
            options.dynamicPort();
        }
        server = new WireMockServer(options);
        server.start();
    }

    /** A portal on https with a self-signed certificate for 127.0.0.1; see {@link #caCertFile()}. */
    public static Portal https() {
        return new Portal("/tls/portal.p12", false);
    }

    /** A portal on https whose certificate (for 127.0.0.1 and localhost) expired on 2 January 2020; see {@link #expiredCertFile()}. */
    public static Portal httpsExpired() {
        return new Portal("/tls/expired.p12", false);
    }

    /** The PEM file of the CA that signed the expired certificate: with it, everything about that certificate is trusted but its dates. */
    public static String expiredCertFile() {
        return resourcePath("/tls/expired-ca.pem");
    }

    /** The PEM file that makes the https portal's certificate trusted. */
    public static String caCertFile() {
        return resourcePath("/tls/portal-cert.pem");
    }

    private static String resourcePath(String resource) {
        try {
            return java.nio.file.Path.of(Portal.class.getResource(resource).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public WireMockServer server() {
        return server;
    }

    /** What --host takes to reach this portal. */
    public String url() {
        return tls ? "https://127.0.0.1:" + server.httpsPort() : "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return tls ? server.httpsPort() : server.port();
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

    /** Answers every log request the same way. */
    public Portal logs(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(LOGS)).willReturn(response));
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
    public void afterEach(ExtensionContext context) {
        if (shared) {
            server.resetAll();
        } else {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared) {
            close();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
