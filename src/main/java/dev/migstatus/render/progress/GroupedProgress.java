package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.watch.Poll;
import dev.migstatus.watch.WatchResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Folds the progress lines of a long watch into one collapsible group of a GitHub Actions log. The
 * group opens with the first line, so a watch that fails before any answer leaves no empty group.
 */
public final class GroupedProgress implements ProgressView {

    private final ProgressView inner;
    private final PrintWriter out;
    private final String title;
    private boolean open;

    public GroupedProgress(ProgressView inner, PrintWriter out, String title) {
        this.inner = inner;
        this.out = out;
        this.title = title;
    }

    @Override
    public void started(Instant at) {
        inner.started(at);
    }

    @Override
    public void polled(Poll poll) {
        if (!open) {
            GithubActions.startGroup(out, title);
            open = true;
        }
        inner.polled(poll);
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        inner.retrying(at, cause, delay, attempt);
    }

    @Override
    public void recovered(Instant at, Duration outage, int failures) {
        inner.recovered(at, outage, failures);
    }

    @Override
    public void finished(WatchResult result) {
        inner.finished(result);
        close();
    }

    @Override
    public void clear() {
        inner.clear();
    }

    @Override
    public void restore() {
        inner.restore();
    }

    @Override
    public void close() {
        inner.close();
        if (open) {
            GithubActions.endGroup(out);
            open = false;
        }
    }
}
