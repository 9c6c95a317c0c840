package dev.migstatus.render.report;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.Style;
import dev.migstatus.render.report.Table.Column;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fleet's end, for people: a table of every portal (those that did not end well first), then,
 * for each of those only, what went wrong; and the same for machines, as one JSON document.
 */
public final class FleetReport {

    /** The rows a table shows before "… and N more": a fleet of thousands belongs in -o json. */
    private static final int MAX_ROWS = 200;

    private static final Table<FleetResult.Portal> SUMMARY = new Table<>(List.of(
            Column.text("PORTAL", FleetResult.Portal::name),
            Column.fixed("OUTCOME", p -> p.report().code().outcome()),
            Column.number("PROGRESS", p -> status(p) == null ? "-" : Formats.percent(status(p).progress()) + "%"),
            Column.number("IMPORTED", p -> status(p) == null ? "-" : Long.toString(status(p).parseResult().successedUsers())),
            Column.number("FAILED", p -> status(p) == null ? "-" : Long.toString(status(p).parseResult().failedUsers())),
            Column.number("ERRORS", p -> status(p) == null ? "-" : Integer.toString(status(p).parseResult().errors().size())),
            Column.number("ELAPSED", p -> Formats.clock(p.report().elapsed()))));

    /** For a terminal too narrow for the whole table: what ended how (and when, where 40 columns leave room). */
    private static final Table<FleetResult.Portal> NARROW = new Table<>(List.of(
            Column.text("PORTAL", FleetResult.Portal::name),
            Column.fixed("OUTCOME", p -> p.report().code().outcome()),
            Column.<FleetResult.Portal>number("ELAPSED", p -> Formats.clock(p.report().elapsed())).droppedAt(1)));

    /** The whole table's width, at the least. */
    private static final int FULL_WIDTH = 72;

    private FleetReport() {
    }

    private static MigrationStatus status(FleetResult.Portal portal) {
        return portal.report().status();
    }

    /** Not ok first, the most severe of those first; the fleet's order otherwise. */
    private static List<FleetResult.Portal> worstFirst(List<FleetResult.Portal> portals) {
        List<FleetResult.Portal> sorted = new ArrayList<>(portals);
        sorted.sort(Comparator.comparingInt(p -> p.report().ok() ? 1 : 0));
        return sorted;
    }

    public static void text(PrintWriter out, Style style, int width, FleetResult fleet) {
        List<FleetResult.Portal> rows = worstFirst(fleet.portals());
        (width >= FULL_WIDTH ? SUMMARY : NARROW).print(out, style, rows.iterator(), rows.size(), MAX_ROWS, width);
        TextReport details = new TextReport(out, style, width);
        for (FleetResult.Portal p : rows) {
            if (p.report().ok()) {
                break;
            }
            out.println();
            out.println(style.bold(SafeText.line(p.name())) + " (" + p.report().code().outcome() + ", exit code "
                    + p.report().code().code() + ")");
            details.sentence(p.report().message(), p.report().code());
            if (p.report().status() != null && p.report().code() != ExitCode.NO_MIGRATION) {
                details.problems(p.report().status());
            }
        }
        out.println();
        TextReport sentence = new TextReport(out, style, width);
        sentence.sentence(fleet.message() + " (exit code " + fleet.code().code() + ")", fleet.code());
        out.flush();
    }

    /** The {@code -o json} document; {@code leading} puts an event's name and time first in ndjson. */
    public static void json(PrintWriter out, FleetResult fleet, JsonReport.LeadingMembers leading) {
        JsonReport.printLine(out, json -> {
            json.beginObject();
            if (leading != null) {
                leading.write(json);
            }
            json.name("schemaVersion").value(JsonReport.SCHEMA_VERSION);
            json.name("outcome").value(fleet.code().outcome());
            json.name("exitCode").value(fleet.code().code());
            json.name("elapsedSeconds").value(fleet.elapsed().toMillis() / 1000.0);
            json.name("message").value(SafeText.line(fleet.message()));
            json.name("portals").beginArray();
            for (FleetResult.Portal p : fleet.portals()) {
                JsonReport.writeObject(json, p.report(), null);
            }
            json.endArray();
            json.endObject();
        });
    }

    /** GitHub's step summary: one table of every portal, and the sentence. */
    public static void githubSummary(PrintWriter out, FleetResult fleet) throws IOException {
        out.println("### " + (fleet.code() == ExitCode.OK ? "✅" : "❌") + " migstatus: " + GithubActions.cell(fleet.message()));
        out.println();
        out.println("| portal | outcome | exit code | progress | imported | failed | errors | elapsed |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (FleetResult.Portal p : worstFirst(fleet.portals())) {
            MigrationStatus s = p.report().status();
            out.println("| " + GithubActions.cell(p.report().host()) + " | `" + p.report().code().outcome() + "` | "
                    + p.report().code().code() + " | " + (s == null ? "-" : Formats.percent(s.progress()) + "%") + " | "
                    + (s == null ? "-" : s.parseResult().successedUsers()) + " | " + (s == null ? "-" : s.parseResult().failedUsers())
                    + " | " + (s == null ? "-" : s.parseResult().errors().size()) + " | " + Durations.format(p.report().elapsed()) + " |");
        }
        out.println();
        out.flush();
        if (out.checkError()) {
            throw new IOException("write failed");
        }
    }
}
