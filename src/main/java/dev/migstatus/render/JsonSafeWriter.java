package dev.migstatus.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Escapes, as JSON escapes (backslash-u and four hex digits), the characters gson writes raw but a terminal would obey: C1
 * controls, bidirectional overrides, line and paragraph separators. Outside JSON strings only
 * ASCII occurs, so the escapes always land inside a string and the document stays valid.
 *
 * <p>Optionally it also buffers: JsonWriter writes a few characters at a time, and every write
 * costs each writer behind this one a call. Unlike {@link java.io.BufferedWriter} the buffer
 * takes no lock, as one document is written by one thread.
 */
public final class JsonSafeWriter extends FilterWriter {

    private final char[] buffer;
    private int used;

    public JsonSafeWriter(Writer out) {
        this(out, 0);
    }

    /** @param bufferSize characters held back until the buffer is full or flushed; 0 for none */
    public JsonSafeWriter(Writer out, int bufferSize) {
        super(out);
        this.buffer = bufferSize > 0 ? new char[bufferSize] : null;
    }

    @Override
    public void write(int c) throws IOException {
        if (buffer == null) {
            writeSafely(new char[] {(char) c}, 0, 1);
            return;
        }
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        if (buffer == null || len > buffer.length) {
            drain();
            writeSafely(buf, off, len);
            return;
        }
        if (len > buffer.length - used) {
            drain();
        }
        System.arraycopy(buf, off, buffer, used, len);
        used += len;
    }

    /** JsonWriter hands over pieces of strings: copying the whole string for each would be waste. */
    @Override
    public void write(String s, int off, int len) throws IOException {
        if (buffer == null || len > buffer.length) {
            drain();
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x7f && needsEscape(c)) {
                    out.write(s, start, i - start);
                    out.write(escape(c));
                    start = i + 1;
                }
            }
            out.write(s, start, end - start);
            return;
        }
        if (len > buffer.length - used) {
            drain();
        }
        s.getChars(off, off + len, buffer, used);
        used += len;
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
        if (used > 0) {
            int n = used;
            used = 0;
            writeSafely(buffer, 0, n);
        }
    }

    private void writeSafely(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            if (c >= 0x7f && needsEscape(c)) {
                out.write(buf, start, i - start);
                out.write(escape(c));
                start = i + 1;
            }
        }
        out.write(buf, start, end - start);
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    private static boolean needsEscape(char c) {
        return (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
