package dev.migstatus.exporter;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exporter's series as Prometheus sees them: scraped from /metrics over loopback and parsed. */
class MigrationMetricsTest {

    private static final String BERLIN = "https://berlin.example.com";
    private static final String PARIS = "https://paris.example.com/docspace";
    private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MigrationMetrics metrics = new MigrationMetrics(registry);
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        if (server == null) {
            server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, healthy::get);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private MetricsScrape scrape() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        return new MetricsScrape(response.body());
    }

    private static MigrationUser user(String email) {
        return new MigrationUser(email, email, email, null, null, "User", null);
    }

    private static MigrationStatus migrating(double progress, boolean completed, long imported, long failed, String... errors) {
        ParseResult result = new ParseResult("Nextcloud", "migration", List.of(),
                List.of(user("a@example.com"), user("b@example.com"), user("c@example.com")), List.of(user("d")), List.of(),
                List.of(), imported, failed, List.of(), List.of(errors));
        return new MigrationStatus(progress, "", completed, result);
    }

    private static String of(String name, String portal) {
        return name + "{portal=\"" + portal + "\"}";
    }

    @Test
    void aRunningMigrationIsEverySeriesLabelledWithItsPortal() throws Exception {
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(migrating(42, false, 1, 0)), AT, Duration.ofMillis(30)));

        MetricsScrape scrape = scrape();

        assertEquals(1.0, scrape.value(of("docspace_migration_up", BERLIN)));
        assertEquals(0.42, scrape.value(of("docspace_migration_progress_ratio", BERLIN)), 1e-9);
        assertEquals(0.0, scrape.value(of("docspace_migration_completed", BERLIN)));
        assertEquals(1.0, scrape.value("docspace_migration_info{migrator=\"Nextcloud\",operation=\"migration\",phase=\"migrating\",portal=\""
                + BERLIN + "\"}"), scrape.text());
        assertEquals(3.0, scrape.value("docspace_migration_users{list=\"users\",portal=\"" + BERLIN + "\"}"));
        assertEquals(1.0, scrape.value("docspace_migration_users{list=\"without_email\",portal=\"" + BERLIN + "\"}"));
        assertEquals(0.0, scrape.value("docspace_migration_users{list=\"existing\",portal=\"" + BERLIN + "\"}"));
        assertEquals(1.0, scrape.value(of("docspace_migration_users_imported", BERLIN)));
        assertEquals(0.0, scrape.value(of("docspace_migration_users_failed", BERLIN)));
        assertEquals(0.0, scrape.value(of("docspace_migration_errors", BERLIN)));
        assertEquals(AT.getEpochSecond(), scrape.value(of("docspace_migration_last_poll_timestamp_seconds", BERLIN)));
        assertEquals(1.0, scrape.value(of("docspace_migration_poll_duration_seconds_count", BERLIN)));
        assertEquals(0.03, scrape.value(of("docspace_migration_poll_duration_seconds_sum", BERLIN)), 1e-9);
        assertEquals(1.0, scrape.value("docspace_migration_poll_duration_seconds_bucket{le=\"0.05\",portal=\"" + BERLIN + "\"}"), scrape.text());
        assertEquals(0.0, scrape.value("docspace_migration_poll_duration_seconds_bucket{le=\"0.025\",portal=\"" + BERLIN + "\"}"));
    }

    @Test
    void aPhaseChangeReplacesTheInfoSeriesAndEachPortalKeepsItsOwn() throws Exception {
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(migrating(42, false, 1, 0)), AT, Duration.ofMillis(30)));
        metrics.record(PortalSnapshot.answer(PARIS, Optional.empty(), AT, Duration.ofMillis(10)));
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(migrating(100, true, 2, 1, "mail quota")), AT.plusSeconds(2),
                Duration.ofMillis(20)));

        MetricsScrape scrape = scrape();

        List<String> infos = scrape.samples().keySet().stream().filter(s -> s.startsWith("docspace_migration_info")).toList();
        assertEquals(List.of(
                "docspace_migration_info{migrator=\"\",operation=\"\",phase=\"none\",portal=\"" + PARIS + "\"}",
                "docspace_migration_info{migrator=\"Nextcloud\",operation=\"migration\",phase=\"migrated\",portal=\"" + BERLIN + "\"}"),
                infos.stream().sorted().toList());
        assertEquals(1.0, scrape.value(of("docspace_migration_completed", BERLIN)));
        assertEquals(1.0, scrape.value(of("docspace_migration_users_failed", BERLIN)));
        assertEquals(1.0, scrape.value(of("docspace_migration_errors", BERLIN)));
        assertEquals(2.0, scrape.value(of("docspace_migration_poll_duration_seconds_count", BERLIN)));
        assertEquals(1.0, scrape.value(of("docspace_migration_up", PARIS)));
        assertNull(scrape.value(of("docspace_migration_progress_ratio", PARIS)), "nothing runs there: no progress to show");
    }

    /** Else the "no progress for an hour" alert would fire for a day beside the failed one. */
    @Test
    void anErrorWithoutIsCompletedIsAnOperationThatEndedFailed() throws Exception {
        MigrationStatus cancelled = new MigrationStatus(37, "The operation was canceled.", false, migrating(37, false, 0, 0).parseResult());
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(cancelled), AT, Duration.ofMillis(30)));

        MetricsScrape scrape = scrape();

        assertEquals(1.0, scrape.value(of("docspace_migration_completed", BERLIN)), scrape.text());
        assertEquals(1.0, scrape.value("docspace_migration_info{migrator=\"Nextcloud\",operation=\"migration\",phase=\"failed\",portal=\""
                + BERLIN + "\"}"), scrape.text());
    }

    @Test
    void aPortalThatStopsAnsweringIsDownWithItsLastFiguresKept() throws Exception {
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(migrating(42, false, 1, 0)), AT, Duration.ofMillis(30)));
        metrics.record(PortalSnapshot.noAnswer(BERLIN, AT.plusSeconds(2), Duration.ofSeconds(10)));

        MetricsScrape scrape = scrape();

        assertEquals(0.0, scrape.value(of("docspace_migration_up", BERLIN)));
        assertEquals(0.42, scrape.value(of("docspace_migration_progress_ratio", BERLIN)), 1e-9);
        assertEquals(AT.getEpochSecond() + 2.0, scrape.value(of("docspace_migration_last_poll_timestamp_seconds", BERLIN)));
        assertEquals(1.0, scrape.value("docspace_migration_poll_duration_seconds_bucket{le=\"10.0\",portal=\"" + BERLIN + "\"}")
                - scrape.value("docspace_migration_poll_duration_seconds_bucket{le=\"5.0\",portal=\"" + BERLIN + "\"}"));
    }

    @Test
    void aForgottenPortalLeavesNoSeries() throws Exception {
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.of(migrating(42, false, 1, 0)), AT, Duration.ofMillis(30)));
        metrics.record(PortalSnapshot.answer(PARIS, Optional.empty(), AT, Duration.ofMillis(10)));

        metrics.forget(BERLIN);

        MetricsScrape scrape = scrape();
        assertFalse(scrape.text().contains(BERLIN), scrape.text());
        assertTrue(scrape.text().contains(PARIS));
    }

    @Test
    void healthzSaysWhetherThePollerRunsAndOtherPathsSayWhereToLook() throws Exception {
        HttpResponse<String> ok = get("/healthz");
        assertEquals(200, ok.statusCode());
        assertEquals("ok\n", ok.body());
        healthy.set(false);
        assertEquals(503, get("/healthz").statusCode());
        assertTrue(get("/").body().contains("/metrics"));
        assertEquals(404, get("/nope").statusCode());
    }

    @Test
    void prometheusAskingForProtobufGetsIt() throws Exception {
        metrics.record(PortalSnapshot.answer(BERLIN, Optional.empty(), AT, Duration.ofMillis(10)));

        HttpResponse<String> response = get("/metrics", "Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf"));
    }
}
