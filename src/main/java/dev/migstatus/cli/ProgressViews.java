package dev.migstatus.cli;

import dev.migstatus.render.progress.GroupedProgress;
import dev.migstatus.render.progress.LiveProgress;
import dev.migstatus.render.progress.PlainProgress;
import dev.migstatus.render.progress.ProgressView;
import dev.migstatus.watch.Until;

import java.io.PrintWriter;

/** Which progress display a watch gets: drawn in place on a terminal, plain lines elsewhere, none when quiet or asked once. */
final class ProgressViews {

    private ProgressViews() {
    }

    /** For every format but ndjson, whose event stream is its own display. */
    static ProgressView choose(Context context, WatchPlan plan) {
        OutputSettings output = plan.output();
        boolean waitsForMigration = plan.settings().until() == Until.MIGRATED;
        if (output.quiet() || plan.settings().once()) {
            // --once: the one poll's line would say what the summary sentence says next.
            return ProgressView.NONE;
        }
        if (output.interactive() && !output.json()) {
            return new LiveProgress(context.out(), output.style(), context.terminal().columns(), waitsForMigration);
        }
        PrintWriter stream = output.json() ? context.err() : context.out();
        ProgressView plain = new PlainProgress(stream, waitsForMigration);
        return context.onGithub()
                ? new GroupedProgress(plain, stream, "migstatus: watching " + plan.connection().portal().authority())
                : plain;
    }
}
