package dev.migstatus.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Stdout, watched for the first write that fails. PrintWriter hides such failures, so a watch
 * piped into {@code head -1} went on polling for ever after head had gone, and a report written to
 * a full disk ended with exit 0. The first failure is kept, and the run is stopped at once.
 */
public final class StdoutWatch {

    private final Runnable onFailure;
    private volatile IOException failure;

    /** @param onFailure what stops the run; called once, on the thread whose write failed */
    StdoutWatch(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    /** {@code out}, with its failures noted here. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw failed(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
        };
    }

    private IOException failed(IOException e) {
        boolean first;
        synchronized (this) {
            first = failure == null;
            if (first) {
                failure = e;
            }
        }
        if (first) {
            onFailure.run();
        }
        return e;
    }

    /** Whether a write to stdout has failed. */
    public boolean failed() {
        return failure != null;
    }

    /**
     * Whether the reader went away ({@code | head -1}): a broken pipe, which other tools end with
     * 141 (killed by SIGPIPE) and nothing said. Anything else (a full disk) is a write that failed.
     */
    boolean closedByReader() {
        IOException e = failure;
        return e != null && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** Why the write failed, in words. */
    String reason() {
        IOException e = failure;
        return e == null ? "" : IoErrors.describe(e);
    }
}
