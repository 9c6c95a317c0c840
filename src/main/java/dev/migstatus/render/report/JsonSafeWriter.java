package dev.migstatus.render.report;

import dev.migstatus.text.SafeText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Escapes, as JSON escapes (backslash-u and four hex digits), the characters gson writes raw but a
 * terminal would obey ({@link SafeText#isUnsafe}: C1 controls, bidi overrides, line separators).
 * Outside JSON strings only ASCII occurs, so the escapes always land inside a string and the
 * document stays valid.
 *
 * <p>It also buffers: JsonWriter writes a few characters at a time, and every write costs each
 * writer behind this one a call (twelve million for 100,000 users). Unlike
 * {@link java.io.BufferedWriter} the buffer takes no lock: one document is written by one thread.
 */
public final class JsonSafeWriter extends FilterWriter {

    private final char[] buffer;
    private int used;

    /** @param bufferSize characters held back until the buffer is full or flushed */
    public JsonSafeWriter(Writer out, int bufferSize) {
        super(out);
        this.buffer = new char[Math.max(1, bufferSize)];
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(buf, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** JsonWriter hands over pieces of strings: copying the whole string for each would be waste. */
    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - used);
            s.getChars(off, off + n, buffer, used);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        out.close();
    }

    private void drain() throws IOException {
        int start = 0;
        for (int i = 0; i < used; i++) {
            // C0 controls never get here: gson escapes them itself.
            char c = buffer[i];
            if (c >= 0x7f && SafeText.isUnsafe(c)) {
                out.write(buffer, start, i - start);
                out.write(String.format("\\u%04x", (int) c));
                start = i + 1;
            }
        }
        out.write(buffer, start, used - start);
        used = 0;
    }
}
