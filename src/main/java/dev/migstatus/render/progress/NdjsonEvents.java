package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.health.StallEvent;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.StatusJson;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;
import dev.migstatus.watch.Poll;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code -o ndjson}: one JSON object per line as things happen, for machines that want the
 * progress too. {@code start}, then {@code phase} on a change of phase, {@code progress} on a
 * change of whole percent (and every 30 s without one, so a reader can tell the watch is alive),
 * {@code retry} and {@code recovered} around outages, {@code stalled} and {@code resumed} around a
 * plateau, and last {@code done}, which carries the same members as the {@code -o json} document.
 */
public final class NdjsonEvents implements ProgressView {

    private final PrintWriter out;
    private final String host;
    private final boolean hostOnEvery;
    private String lastKey;
    private Instant lastProgressAt;
    private Instant startedAt;

    public NdjsonEvents(PrintWriter out, String host) {
        this(out, host, false);
    }

    private NdjsonEvents(PrintWriter out, String host, boolean hostOnEvery) {
        this.out = out;
        this.host = host;
        this.hostOnEvery = hostOnEvery;
    }

    /** One portal's events in a fleet's shared stream: every event names its portal. */
    public static NdjsonEvents forFleet(PrintWriter out, String host) {
        return new NdjsonEvents(out, host, true);
    }

    /** The name a phase has in events: {@code parsing}, {@code parse_finished}, … */
    public static String phaseName(Phase phase) {
        return phase.label().replace(' ', '_');
    }

    @Override
    public void started(Instant at) {
        startedAt = at;
        event("start", at, json -> json.name("host").value(host));
    }

    @Override
    public void polled(Poll poll) {
        if (poll.phaseChanged() || lastKey == null) {
            Phase from = poll.previousPhase();
            event("phase", poll.at(), json -> {
                json.name("from").value(lastKey == null ? null : phaseName(from));
                json.name("to").value(phaseName(poll.phase()));
                polled(json, poll);
            });
        }
        int percent = PhaseLine.percent(poll);
        String key = poll.phase() + ":" + percent;
        boolean quiet = key.equals(lastKey) && Duration.between(lastProgressAt, poll.at()).compareTo(HEARTBEAT) < 0;
        if (!quiet) {
            lastKey = key;
            lastProgressAt = poll.at();
            event("progress", poll.at(), json -> polled(json, poll));
        }
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        event("retry", at, json -> {
            json.name("attempt").value(attempt);
            json.name("delaySeconds").value(delay.toMillis() / 1000.0);
            json.name("message").value(SafeText.line(cause.getMessage()));
        });
    }

    @Override
    public void recovered(Instant at, Duration outage, int failures) {
        event("recovered", at, json -> {
            json.name("outageSeconds").value(outage.toMillis() / 1000.0);
            json.name("failures").value(failures);
        });
    }

    @Override
    public void stalled(StallEvent stall) {
        event("stalled", stall.at(), json -> {
            json.name("sinceSeconds").value(stall.unchangedFor().toMillis() / 1000.0);
            state(json, Duration.between(startedAt, stall.at()), Phase.of(stall.status()), stall.status());
        });
    }

    @Override
    public void resumed(StallEvent stall) {
        event("resumed", stall.at(), json -> {
            json.name("stalledSeconds").value(stall.unchangedFor().toMillis() / 1000.0);
            state(json, Duration.between(startedAt, stall.at()), Phase.of(stall.status()), stall.status());
        });
    }

    /** The last line: the report, as {@code -o json} prints it, with the event's name and time first. */
    public void done(Instant at, FinalReport report) {
        JsonReport.printLine(out, json -> JsonReport.writeObject(json, report, lead -> {
            lead.name("event").value("done");
            lead.name("time").value(Formats.timestamp(at));
        }));
    }

    /** A poll's state, and the time left when it can be told (else null). */
    private static void polled(JsonWriter json, Poll poll) throws IOException {
        json.name("etaSeconds");
        if (poll.timeLeft().isPresent()) {
            json.value(poll.timeLeft().get().toSeconds());
        } else {
            json.nullValue();
        }
        state(json, poll.elapsed(), poll.phase(), poll.status().orElse(null));
    }

    private static void state(JsonWriter json, Duration elapsed, Phase phase, MigrationStatus status) throws IOException {
        json.name("elapsedSeconds").value(elapsed.toMillis() / 1000.0);
        json.name("phase").value(phaseName(phase));
        if (status == null) {
            return;
        }
        json.name("operation").value(status.parseResult().operationName());
        json.name("migratorName").value(status.parseResult().migratorName());
        json.name("progress");
        StatusJson.number(json, status.progress());
        json.name("isCompleted").value(status.isCompleted());
        json.name("users").value(status.parseResult().users().size());
        json.name("withoutEmailUsers").value(status.parseResult().withoutEmailUsers().size());
        json.name("existUsers").value(status.parseResult().existUsers().size());
        json.name("groups").value(status.parseResult().groups().size());
        json.name("errors").value(status.parseResult().errors().size());
        json.name("successedUsers").value(status.parseResult().successedUsers());
        json.name("failedUsers").value(status.parseResult().failedUsers());
    }

    private void event(String name, Instant at, JsonReport.LeadingMembers members) {
        JsonReport.printLine(out, json -> {
            json.beginObject();
            json.name("event").value(name);
            json.name("time").value(Formats.timestamp(at));
            json.name("schemaVersion").value(JsonReport.SCHEMA_VERSION);
            if (hostOnEvery && !name.equals("start")) {
                json.name("host").value(host);
            }
            members.write(json);
            json.endObject();
        });
    }
}
