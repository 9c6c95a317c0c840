package dev.migstatus.secrets;

import java.io.IOException;
import java.io.Reader;

/**
 * Redacts a secret from text as it streams in, before anything parses it: a key a server echoes back
 * never reaches the model, so no later cut to fit a table column can leave part of it visible.
 * Keeps back fewer characters than the secret is long, so a secret split across reads is caught.
 */
public final class RedactingReader extends Reader {

    private static final int CHUNK = 8192;

    private final Reader in;
    private final String secret;
    private final StringBuilder pending = new StringBuilder();
    private final char[] chunk = new char[CHUNK];
    private int ready;
    private boolean eof;

    public RedactingReader(Reader in, String secret) {
        this.in = in;
        this.secret = secret;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (ready == 0 && !(eof && pending.length() == 0)) {
            fill();
        }
        if (ready == 0) {
            return -1;
        }
        int n = Math.min(len, ready);
        pending.getChars(0, n, buf, off);
        pending.delete(0, n);
        ready -= n;
        return n;
    }

    private void fill() throws IOException {
        int n = in.read(chunk, 0, CHUNK);
        if (n < 0) {
            eof = true;
        } else {
            pending.append(chunk, 0, n);
        }
        int from = ready;
        for (int at = pending.indexOf(secret, from); at >= 0; at = pending.indexOf(secret, at + Redactor.REDACTED.length())) {
            pending.replace(at, at + secret.length(), Redactor.REDACTED);
        }
        // What could still be the start of a secret waits for the next read.
        ready = eof ? pending.length() : Math.max(ready, pending.length() - (secret.length() - 1));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
