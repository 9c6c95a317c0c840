package dev.migstatus.exporter;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.RetryAfter;
import dev.migstatus.docspace.UnavailableException;
import dev.migstatus.fleet.FleetDriver;
import dev.migstatus.fleet.Waiter;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.ParseResult;
import dev.migstatus.testing.FakeClock;
import dev.migstatus.watch.StatusSource;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exporter's polling on a fake clock: a minute of three portals, one of them down for a while. */
class ExportedPortalTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final Instant start = clock.instant();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MigrationMetrics metrics = new MigrationMetrics(registry);
    private final List<String> log = new ArrayList<>();
    private final List<Instant> downPolls = new ArrayList<>();

    private final StatusSource running = limit -> Optional.of(new MigrationStatus(40, "", false,
            new ParseResult("GoogleWorkspace", "migration", List.of(), List.of(), List.of(), List.of(), List.of(), 3, 0,
                    List.of(), List.of())));
    private final StatusSource idle = limit -> Optional.empty();
    /** Rate-limited, asking for 20 s, for its first 30 s; then it answers. */
    private final StatusSource downAWhile = limit -> {
        downPolls.add(clock.instant());
        if (clock.instant().isBefore(start.plusSeconds(30))) {
            throw new UnavailableException(UnavailableException.Reason.RATE_LIMITED, "HTTP 429 Too Many Requests", null, true,
                    new RetryAfter(Duration.ofSeconds(20), null));
        }
        clock.advance(Duration.ofMillis(250));
        return Optional.empty();
    };

    /** Moves the fake clock to each deadline, and stops the exporter after a minute. */
    private final class Minute implements Waiter {
        FleetDriver<?, ?> driver;
        boolean woken;

        @Override
        public void waitUntil(Instant deadline, boolean answersPending) {
            if (woken) {
                woken = false;
                return;
            }
            if (!deadline.isBefore(start.plusSeconds(60))) {
                driver.stop();
                return;
            }
            clock.advance(Duration.between(clock.instant(), deadline));
        }

        @Override
        public void wake() {
            woken = true;
        }
    }

    private ExportedPortal portal(String url, StatusSource source) {
        return new ExportedPortal(url, source, metrics, INTERVAL, Duration.ofSeconds(30), Duration.ofMinutes(1), clock,
                log::add);
    }

    @Test
    void everyPortalIsPolledAtTheIntervalAndOneThatIsDownIsPublishedAsDownWithoutHoldingUpTheOthers() throws ApiException {
        Minute minute = new Minute();
        FleetDriver<ExportedPortal.Polled, Void> driver = new FleetDriver<>(clock, minute, Runnable::run, 4, Duration.ZERO, () -> false);
        minute.driver = driver;

        driver.run(List.of(portal("https://a.example.com", running), portal("https://b.example.com", idle),
                portal("https://c.example.com", downAWhile)));

        MetricsScrape scrape = MetricsScrape.of(registry);
        assertEquals(12.0, scrape.value("docspace_migration_poll_duration_seconds_count{portal=\"https://a.example.com\"}"),
                "a minute at 5 s: polls at 0, 5, … 55 s");
        assertEquals(12.0, scrape.value("docspace_migration_poll_duration_seconds_count{portal=\"https://b.example.com\"}"));
        assertEquals(List.of(start, start.plusSeconds(20), start.plusSeconds(40), start.plusMillis(45_250), start.plusMillis(50_500),
                start.plusMillis(55_750)), downPolls, "Retry-After 20 s is respected while it lasts; then every 5 s after each answer");
        assertEquals(0.4, scrape.value("docspace_migration_progress_ratio{portal=\"https://a.example.com\"}"), 1e-9);
        assertEquals(1.0, scrape.value("docspace_migration_up{portal=\"https://c.example.com\"}"));
        assertEquals(List.of("https://c.example.com: no answer: HTTP 429 Too Many Requests", "https://c.example.com: answers again"), log);
    }
}
