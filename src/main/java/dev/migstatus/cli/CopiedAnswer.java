package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.CopiedStatus;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.StatusJsonText;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.watch.StatusSource;

import java.time.Duration;
import java.util.Optional;

/**
 * The status source of {@code --once -o json}: the answer is copied as the report prints it
 * instead of being built into a model and written back (docs/performance.md), and the copy is
 * kept for the report. Only where nothing else shows the users: no JUnit file, no GitHub summary,
 * no webhook (which may post the document), since the status it decides on keeps only their keys.
 */
final class CopiedAnswer implements StatusSource {

    private final DocSpaceClient client;
    private StatusJsonText json;

    CopiedAnswer(DocSpaceClient client) {
        this.client = client;
    }

    /** Whether a watch can print its report from the copy. */
    static boolean fits(Context context, WatchPlan plan) {
        return plan.settings().once() && plan.output().json() && plan.reports().junit() == null && !context.onGithub()
                && plan.notifications().webhook() == null && context.outBytes() != null;
    }

    @Override
    public Optional<MigrationStatus> fetch(Duration timeLimit) throws ApiException {
        CopiedStatus copied = client.statusCopy(timeLimit);
        json = copied.json();
        return copied.status();
    }

    /** The status the last answer carried, as the report prints it; null when there was none. */
    StatusJsonText json() {
        return json;
    }
}
