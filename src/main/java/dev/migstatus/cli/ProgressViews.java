package dev.migstatus.cli;

import dev.migstatus.render.progress.GroupedProgress;
import dev.migstatus.render.progress.LiveProgress;
import dev.migstatus.render.progress.PlainProgress;
import dev.migstatus.render.progress.ProgressView;
import dev.migstatus.watch.Until;

import java.io.PrintWriter;

/**
 * Which progress display a watch gets: drawn in place on a terminal, plain lines elsewhere or with
 * --plain, none when quiet or asked once.
 */
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
        // Progress goes where a person looks: stdout when it is the terminal, else stderr when that is
        // (stdout a file, a pipe or the JSON document), as curl and cargo do; else plain lines for a CI log.
        boolean onStdout = !output.json() && (output.interactive() || !output.errInteractive());
        PrintWriter stream = onStdout ? context.out() : context.err();
        boolean terminal = onStdout ? output.interactive() : output.errInteractive();
        if (terminal && !output.plain()) {
            return new LiveProgress(stream, onStdout ? output.style() : output.errStyle(),
                    onStdout ? context.terminal().columns() : context.terminal().errColumns(),
                    context.clock(), context.frames(), plan.connection().portal().authority(), waitsForMigration);
        }
        ProgressView plain = new PlainProgress(stream, waitsForMigration);
        return context.onGithub()
                ? new GroupedProgress(plain, stream, "migstatus: watching " + plan.connection().portal().authority())
                : plain;
    }
}
