package dev.migstatus.docspace;

import dev.migstatus.text.Cut;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts every string of a JSON text in UTF-8, member names included, to {@link Cut#MAX_CHARS}
 * characters as the bytes stream by, ending a cut string with {@link Cut#note}: both readers of a
 * status hold each string whole, so an answer that is one string of 100 MB would otherwise take
 * hundreds of MB of heap however little of it is ever shown. Characters are counted as Java counts
 * them (a character beyond U+FFFF is two), an escape ({@code \u00e9}) by its six characters; a cut
 * never splits an escape or a UTF-8 sequence, so the text stays JSON. It reads after the key is
 * redacted, so a cut cannot leave part of a key showing. What is not well-formed is left for the
 * parser to refuse.
 */
final class JsonStringCutter extends InputStream {

    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final int maxChars;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int end;
    private boolean inString;
    private boolean afterBackslash;
    /** Hex digits of a {@code \}{@code u} escape still to come. */
    private int hexLeft;
    /** Characters of the current string passed on. */
    private int kept;
    /** Bytes of the current string dropped. */
    private long dropped;
    private boolean cutting;
    /** The note and closing quote of a cut string, still to hand out, or null. */
    private byte[] ending;
    private int endingPos;

    JsonStringCutter(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        int w = off;
        int limit = off + len;
        while (w < limit) {
            if (ending != null) {
                int n = Math.min(limit - w, ending.length - endingPos);
                System.arraycopy(ending, endingPos, out, w, n);
                w += n;
                endingPos += n;
                if (endingPos == ending.length) {
                    ending = null;
                }
                continue;
            }
            if (pos == end) {
                if (w > off) {
                    break;
                }
                int n = in.read(buffer, 0, BUFFER);
                if (n < 0) {
                    return -1;
                }
                pos = 0;
                end = n;
                continue;
            }
            // Runs of ordinary bytes are copied or dropped whole: this reads every byte of every answer.
            byte b = buffer[pos];
            int room = limit - w;
            if (!inString) {
                int stop = Math.min(end, pos + room);
                int i = pos;
                while (i < stop && buffer[i] != '"') {
                    i++;
                }
                if (i < stop) {
                    i++;
                    inString = true;
                    kept = 0;
                }
                w = copy(i, out, w);
            } else if (hexLeft > 0 || afterBackslash || isContinuation(b)) {
                // The rest of an escape or of a UTF-8 sequence goes where its first byte went.
                if (afterBackslash) {
                    afterBackslash = false;
                    hexLeft = b == 'u' ? 4 : 0;
                } else if (hexLeft > 0) {
                    hexLeft--;
                }
                pos++;
                if (cutting) {
                    dropped++;
                } else {
                    out[w++] = b;
                    kept += isContinuation(b) ? 0 : 1;
                }
            } else if (b == '"') {
                pos++;
                inString = false;
                if (cutting) {
                    cutting = false;
                    ending = (Cut.note(dropped) + '"').getBytes(StandardCharsets.UTF_8);
                    endingPos = 0;
                } else {
                    out[w++] = b;
                }
            } else if (!cutting && kept >= maxChars) {
                cutting = true;
                dropped = 0;
            } else if (cutting) {
                int i = pos + 1;
                afterBackslash = b == '\\';
                while (!afterBackslash && i < end && buffer[i] != '"' && buffer[i] != '\\') {
                    i++;
                }
                dropped += i - pos;
                pos = i;
            } else {
                // A character begins: passed on with what follows it up to the limit.
                afterBackslash = b == '\\';
                kept += (b & 0xf8) == 0xf0 ? 2 : 1;
                int i = pos + 1;
                if (!afterBackslash) {
                    int stop = Math.min(end, pos + room);
                    while (i < stop && kept < maxChars) {
                        byte d = buffer[i];
                        if (d == '"' || d == '\\') {
                            break;
                        }
                        if (!isContinuation(d)) {
                            kept += (d & 0xf8) == 0xf0 ? 2 : 1;
                        }
                        i++;
                    }
                    // A sequence begun at the limit is kept whole.
                    while (i < stop && isContinuation(buffer[i])) {
                        i++;
                    }
                }
                w = copy(i, out, w);
            }
        }
        return w - off;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /** Passes on the buffer from {@code pos} up to {@code to}. */
    private int copy(int to, byte[] out, int w) {
        int n = to - pos;
        System.arraycopy(buffer, pos, out, w, n);
        pos = to;
        return w + n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
