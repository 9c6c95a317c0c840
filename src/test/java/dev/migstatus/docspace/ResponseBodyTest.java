package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.StatusJson;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How a status body comes off the wire does not change what it says: gzipped or not, and
 * whether or not it repeats the last answer byte for byte.
 */
class ResponseBodyTest {

    /** Sends bodies exactly as stubbed. */
    private static WireMockServer plain;
    /** Gzips on the fly when asked, as most servers and proxies do. */
    private static WireMockServer gzipping;

    @BeforeAll
    static void start() {
        plain = server(false);
        gzipping = server(true);
    }

    @AfterAll
    static void stop() {
        TRANSPORT.close();
        plain.stop();
        gzipping.stop();
    }

    /** WireMock on 127.0.0.1, HTTP/1.1. */
    private static WireMockServer server(boolean gzipOnTheFly) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).containerThreads(8).jettyAcceptors(1).gzipDisabled(!gzipOnTheFly));
        server.start();
        return server;
    }

    /** Each test has its own portal path prefix on the shared servers. */
    private static String status(String portal) {
        return "/" + portal + Portal.STATUS;
    }

    /** One transport for the whole class, as a run shares one among its clients. */
    private static final HttpTransport TRANSPORT =
            new HttpTransport(() -> HttpClients.create(new TransportSettings(Duration.ofSeconds(5), null, false), false));

    private static DocSpaceClient client(WireMockServer server, String portal) {
        return new DocSpaceClient(new Connection(PortalUrl.parse("http://127.0.0.1:" + server.port() + "/" + portal),
                Credential.of("sk-0123abcd"), "--key"), TRANSPORT,
                new ClientSettings(Duration.ofSeconds(10), 256L << 20, "migstatus/test"), HttpTrace.NONE);
    }

    private static ResponseDefinitionBuilder identity(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static ResponseDefinitionBuilder gzipped(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Content-Encoding", "gzip").withBody(gzip(body));
    }

    private static byte[] gzip(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The model as -o json writes it: what the user gets to see of a status. */
    private static String shown(MigrationStatus status) {
        StringWriter out = new StringWriter();
        try {
            JsonWriter json = JsonReport.newWriter(out);
            StatusJson.write(json, status);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JsonParser.parseString(out.toString()).toString();
    }

    private static String expected(String body) throws IOException {
        return shown(StatusReader.read(new StringReader(body)).status());
    }

    private static String read(DocSpaceClient client) throws ApiException {
        return shown(client.status(Duration.ofSeconds(10)).orElse(null));
    }

    private static void sequence(WireMockServer server, String portal, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var stub = get(urlPathEqualTo(status(portal))).inScenario(portal)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i).willReturn(answers[i]);
            if (i + 1 < answers.length) {
                stub = stub.willSetStateTo("step " + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"parse-completed", "migration-completed-with-failures", "names-hostile", "parse-queued"})
    void gzipAndIdentityBodiesReadAlike(String fixture) throws Exception {
        String body = Fixtures.body(fixture);
        plain.stubFor(get(urlPathEqualTo(status(fixture + "-identity"))).willReturn(identity(body)));
        plain.stubFor(get(urlPathEqualTo(status(fixture + "-gzip"))).willReturn(gzipped(body)));
        gzipping.stubFor(get(urlPathEqualTo(status(fixture))).willReturn(identity(body)));

        String want = expected(body);
        assertEquals(want, read(client(plain, fixture + "-identity")), "identity");
        assertEquals(want, read(client(plain, fixture + "-gzip")), "gzip as stored");
        assertEquals(want, read(client(gzipping, fixture)), "gzip made by the server");
        gzipping.verify(getRequestedFor(urlPathEqualTo(status(fixture))).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    /** A status of 1,500 users: changes at its start and near its end. */
    private static String bigStatus(double progress, String lastName) {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            users.append(i == 0 ? "" : ",").append("{\"key\":\"u").append(i).append("\",\"email\":\"u").append(i)
                    .append("@example.com\",\"displayName\":\"").append(i == 1_499 ? lastName : "User " + i)
                    .append("\",\"userType\":\"User\",\"migratingFiles\":{\"foldersCount\":1,\"filesCount\":")
                    .append(i).append(",\"bytesTotal\":").append(i * 1000L).append("}}");
        }
        return Fixtures.envelope("{\"progress\":" + progress + ",\"error\":\"\",\"isCompleted\":false,\"parseResult\":"
                + "{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\",\"users\":[" + users + "]}}");
    }

    @Test
    void everyChangeToARepeatedAnswerIsSeenWhereverItIs() throws Exception {
        String a = bigStatus(1, "Zed");
        String lateChange = bigStatus(1, "Zoe");
        String earlyChange = bigStatus(2, "Zoe");
        String longer = earlyChange + "\n";
                sequence(plain, "repeated", identity(a), identity(a), identity(a), identity(lateChange), identity(lateChange),
                identity(earlyChange), identity(longer), identity(earlyChange), gzipped(earlyChange), gzipped(earlyChange),
                identity(a.substring(0, a.length() / 2)), identity(a), identity(a));
        DocSpaceClient client = client(plain, "repeated");
        assertEquals(expected(a), read(client), "first");
        assertEquals(expected(a), read(client), "same");
        assertEquals(expected(a), read(client), "same again");
        assertEquals(expected(lateChange), read(client), "a name near the end changed");
        assertEquals(expected(lateChange), read(client));
        assertEquals(expected(earlyChange), read(client), "progress, at the start, changed");
        assertEquals(expected(longer), read(client), "same document, one byte longer");
        assertEquals(expected(earlyChange), read(client), "one byte shorter: a prefix of the last answer");
        assertEquals(expected(earlyChange), read(client), "same document, now gzipped");
        assertEquals(expected(earlyChange), read(client));
        ApiException cut = assertThrows(ApiException.class, () -> client.status(Duration.ofSeconds(10)), "cut in half");
        assertEquals(ProtocolException.class, cut.getClass());
        assertEquals(expected(a), read(client), "whole again after a cut-off answer");
        assertEquals(expected(a), read(client));
    }
}
