package dev.migstatus.render.progress;

import dev.migstatus.health.StallEvent;
import dev.migstatus.outcome.Summary;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.WatchListener;

import java.io.PrintWriter;

/**
 * Says on stderr, and on GitHub as an annotation, when a running operation stops moving and when
 * it moves again. With {@code --fail-on-stall} the stall is the watch's end, and its error line
 * says it instead.
 */
public final class StallNotices implements WatchListener {

    private final Messages messages;
    private final PrintWriter annotations;
    private final boolean stallEndsTheWatch;

    /**
     * @param annotations where GitHub's runner reads workflow commands, or null off GitHub
     */
    public StallNotices(Messages messages, PrintWriter annotations, boolean stallEndsTheWatch) {
        this.messages = messages;
        this.annotations = annotations;
        this.stallEndsTheWatch = stallEndsTheWatch;
    }

    @Override
    public void stalled(StallEvent event) {
        if (stallEndsTheWatch) {
            return;
        }
        // DocSpace's step per user is 30 % / users, rounded down (none with more than 30 users), it
        // reports nothing while it copies one user's files, and its log is written only at the end.
        String text = Summary.noProgress(event.unchangedFor(), event.status())
                + (event.status().progressIndeterminate()
                ? ": DocSpace can sit at 0-1% for hours on a large archive, so this may be normal;"
                        + " if it stays, check the portal or the server's logs"
                : ": it may be stuck, or copying one user's files (DocSpace does not count within a user);"
                        + " check the portal or the server's logs");
        messages.warning(text);
        if (annotations != null) {
            GithubActions.warning(annotations, "Migration stalled", text);
        }
    }

    @Override
    public void resumed(StallEvent event) {
        String text = "moving again after " + Durations.roughly(event.unchangedFor()) + " without progress";
        messages.info(text);
        if (annotations != null) {
            GithubActions.notice(annotations, "Migration moving again", text);
        }
    }
}
