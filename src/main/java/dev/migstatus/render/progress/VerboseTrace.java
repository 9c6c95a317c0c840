package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.watch.WatchListener;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --verbose}: one stderr line per request, per answer and per retry decision. The api layer
 * already shows credential headers as {@code [redacted]}; URLs never carry the key.
 */
public final class VerboseTrace implements HttpTrace, WatchListener {

    private final Messages messages;

    public VerboseTrace(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void request(String method, URI uri, String headers) {
        messages.info("> " + method + " " + uri + " (" + headers + ")");
    }

    @Override
    public void response(String method, URI uri, int status, Duration took, long bytes) {
        messages.info("< " + status + " " + method + " " + uri + " in " + Durations.format(took) + ", " + Formats.bytes(bytes));
    }

    @Override
    public void failure(String method, URI uri, Duration took, String what) {
        messages.info("! " + method + " " + uri + " failed after " + Durations.format(took) + ": " + what);
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        messages.info("retry: attempt " + attempt + " failed (" + cause.getMessage() + "); next in " + Durations.format(delay));
    }
}
