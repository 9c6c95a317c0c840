package dev.migstatus.cli;

import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.ScenarioReader;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ETA as users see it, on a simulated portal that shares the run's fake clock. */
class TimeLeftTest {

    private static final String KEY = "sk-e7a0000000000000000000";
    private static final Duration LENGTH = Duration.ofMinutes(100);
    /** The server says it is done this long after 100 %. */
    private static final Duration CLOSING = Duration.ofSeconds(30);

    /** A migration that rises one point a minute, as the server moves it: in whole steps. */
    private static Scenario linear() {
        StringBuilder frames = new StringBuilder("{\"at\":\"0s\",\"status\":{\"progress\":0,\"error\":\"\",\"isCompleted\":false,"
                + "\"parseResult\":{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\",\"users\":[],\"groups\":[]}}}");
        for (int p = 1; p <= 100; p++) {
            frames.append(",{\"at\":\"").append(LENGTH.toSeconds() * p / 100).append("s\",\"update\":{\"progress\":").append(p).append("}}");
        }
        frames.append(",{\"at\":\"").append(LENGTH.plus(CLOSING).toSeconds()).append("s\",\"update\":{\"isCompleted\":true,"
                + "\"parseResult\":{\"successedUsers\":0,\"failedUsers\":0}}}");
        try {
            return ScenarioReader.read(new StringReader("{\"description\":\"linear\",\"frames\":[" + frames + "]}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result watch(CliRun run, String... extra) {
        try (SimulatedPortal portal = SimulatedPortal.start(linear(), SimulatedPortal.Settings.loopback(KEY), run.clock(),
                SimulatedPortal.RequestLog.NONE)) {
            List<String> args = new ArrayList<>(List.of("--host", portal.url().toString(), "--key", KEY));
            args.addAll(List.of(extra));
            return run.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of a long output around {@code part}, for a readable failure. */
    private static String excerpt(String text, String part) {
        int at = Math.max(0, text.indexOf(part));
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200));
    }

    @Test
    void ndjsonEtaIsNullUntilKnownThenWithinAFactorOfTwoOfTheTruth() {
        CliRun run = new CliRun();
        Instant start = run.clock().instant();
        Result r = watch(run, "-o", "ndjson", "--interval", "10s");
        assertEquals(0, r.exitCode(), r.all());
        Instant completedAt = start.plus(LENGTH).plus(CLOSING);
        int shown = 0;
        int progressEvents = 0;
        for (String line : r.out().lines().toList()) {
            JsonObject event = JsonParser.parseString(line).getAsJsonObject();
            if (!event.get("event").getAsString().equals("progress")) {
                continue;
            }
            progressEvents++;
            double progress = event.get("progress").getAsDouble();
            if (event.get("etaSeconds").isJsonNull()) {
                continue;
            }
            shown++;
            assertTrue(progress > 1 && progress < 100, "no estimate at 0-1 % nor at 100 %: " + line);
            double truth = Duration.between(Instant.parse(event.get("time").getAsString()), completedAt).toSeconds();
            double ratio = event.get("etaSeconds").getAsLong() / truth;
            assertTrue(ratio >= 0.5 && ratio <= 2, "shown " + event.get("etaSeconds") + " s, " + truth + " s left: " + line);
        }
        assertTrue(progressEvents >= 100, progressEvents + " progress events");
        assertTrue(shown >= 80, "an estimate on most steps: " + shown + " of " + progressEvents);
    }

    @Test
    void theLiveLineAndThePlainLinesSayHowLongIsLeft() {
        Result live = watch(new CliRun().terminal(120), "--interval", "10s");
        assertTrue(live.out().contains(" 50%  50:00  ~50m left\u001b") || live.out().contains(" 50%  50:00  ~50m left\r"),
                excerpt(live.out(), " 50%  50:00"));
        assertTrue(live.out().contains(" 99%  1:39:00\r"), "none in the last minute: " + excerpt(live.out(), " 99%  1:39:00"));

        Result narrow = watch(new CliRun().terminal(40), "--interval", "10s");
        assertTrue(narrow.out().contains("migrating · Nextcloud   50%  50:00\r"), "no room, no time left: "
                + excerpt(narrow.out(), " 50%  50:00"));
        assertFalse(narrow.out().contains("  …"), "never a time left cut to nothing: " + excerpt(narrow.out(), "  …"));

        Result plain = watch(new CliRun(), "--interval", "10s");
        assertTrue(plain.out().contains("[50:00] migrating · Nextcloud · 50% · ~50m left\n"), excerpt(plain.out(), "[50:00]"));
        assertTrue(plain.out().contains("[03:00] migrating · Nextcloud · 3%\n"), "not from one step: " + excerpt(plain.out(), "[03:00]"));
        assertTrue(plain.out().contains("[04:00] migrating · Nextcloud · 4% · ~1h 36m left\n"), excerpt(plain.out(), "[04:00]"));
    }
}
