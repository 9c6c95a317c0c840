package dev.migstatus.secrets;

import java.io.IOException;
import java.io.Writer;

/**
 * Holds text back until a line ends or the stream is flushed, then writes it with every secret
 * redacted. Buffering means a key split across two {@code write} calls is still caught; a long line
 * (a JSON document of 100,000 users is one line) is passed on in chunks, keeping back only what
 * could be the start of a secret. A secret never contains a line break, so lines are safe cuts.
 */
public final class RedactingWriter extends Writer {

    private static final int CHUNK = 16 * 1024;

    private final Writer out;
    private final Redactor redactor;
    private final StringBuilder pending = new StringBuilder();

    public RedactingWriter(Writer out, Redactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            int newline = -1;
            // Only the new characters are searched: gson writes a large document in many small pieces.
            for (int i = off + len - 1; i >= off; i--) {
                if (buf[i] == '\n') {
                    newline = pending.length() + (i - off);
                    break;
                }
            }
            pending.append(buf, off, len);
            afterAppend(newline);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        synchronized (lock) {
            int newline = -1;
            for (int i = off + len - 1; i >= off; i--) {
                if (s.charAt(i) == '\n') {
                    newline = pending.length() + (i - off);
                    break;
                }
            }
            pending.append(s, off, off + len);
            afterAppend(newline);
        }
    }

    private void afterAppend(int lastNewline) throws IOException {
        if (lastNewline >= 0) {
            String lines = redactor.redact(pending.substring(0, lastNewline + 1));
            pending.delete(0, lastNewline + 1);
            out.write(lines);
        }
        if (pending.length() > CHUNK) {
            emitAllBut(Math.max(0, redactor.longest() - 1));
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            emitAllBut(0);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    /** Redacts what is pending and writes all of it but the last {@code keep} characters. */
    private void emitAllBut(int keep) throws IOException {
        if (pending.length() == 0) {
            return;
        }
        String text = redactor.redact(pending.toString());
        int cut = Math.max(0, text.length() - keep);
        out.write(text, 0, cut);
        pending.setLength(0);
        pending.append(text, cut, text.length());
    }
}
