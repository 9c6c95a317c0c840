package dev.migstatus.render.progress;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Starts every line written through it with a prefix: in a fleet's CI log, each portal's plain
 * progress lines carry its name, {@code berlin: [00:12] migrating · 48%}.
 */
public final class PrefixedLines extends Writer {

    private final PrintWriter out;
    private final String prefix;
    private boolean atLineStart = true;

    private PrefixedLines(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** A writer for one portal's lines into the shared {@code out}. */
    public static PrintWriter of(PrintWriter out, String prefix) {
        return new PrintWriter(new PrefixedLines(out, prefix), false);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (atLineStart) {
                out.write(prefix);
                atLineStart = false;
            }
            if (chars[i] == '\n') {
                out.write(chars, start, i + 1 - start);
                start = i + 1;
                atLineStart = true;
            }
        }
        if (start < end) {
            out.write(chars, start, end - start);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    /** The shared stream stays open for the other portals. */
    @Override
    public void close() {
        flush();
    }
}
