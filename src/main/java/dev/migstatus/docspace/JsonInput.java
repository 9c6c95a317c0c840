package dev.migstatus.docspace;

import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of a JSON answer as {@link JsonBytes} reads them: a window over the stream, refilled
 * as the reader moves on and grown for a token longer than it. The layers above read {@link #buf}
 * from {@link #pos} to {@link #limit} directly: these are the loops every byte of a big status goes
 * through, and fields of one object are what they read fastest.
 */
abstract class JsonInput {

    private final InputStream in;
    byte[] buf = new byte[64 * 1024];
    int pos;
    int limit;
    boolean eof;
    /** Bytes dropped from the front of the buffer so far: for the offset in error messages. */
    private long dropped;
    /** Where a captured value starts, kept in the buffer while it is read; -1 when nothing is captured. */
    int mark = -1;

    JsonInput(InputStream in) {
        this.in = in;
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * The next byte that is not a blank, without consuming it; -1 at the end. Bytes before it are
     * no longer needed, so this is where the buffer is refilled.
     */
    final int nextNonBlank() throws IOException {
        while (true) {
            while (pos < limit) {
                byte b = buf[pos];
                if (isBlank(b)) {
                    pos++;
                } else {
                    return b & 0xff;
                }
            }
            if (eof) {
                return -1;
            }
            refill(pos);
        }
    }

    /** Makes sure {@code n} bytes from {@code pos} are in the buffer, unless the input ends first. */
    final void ensure(int n) throws IOException {
        while (pos + n > limit && !eof) {
            refill(pos);
        }
    }

    /**
     * Drops the bytes before {@code keepFrom}, reads more, and returns how far the kept bytes moved
     * to the front. A token longer than the buffer makes it grow.
     */
    final int refill(int keepFrom) throws IOException {
        if (eof) {
            return 0;
        }
        if (mark >= 0 && mark < keepFrom) {
            keepFrom = mark;
        }
        int moved = keepFrom;
        if (moved > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            pos -= keepFrom;
            dropped += keepFrom;
            if (mark >= 0) {
                mark -= keepFrom;
            }
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return moved;
    }

    final MalformedJsonException syntax(String what) {
        return new MalformedJsonException(what + " at byte " + (dropped + pos + 1));
    }
}
