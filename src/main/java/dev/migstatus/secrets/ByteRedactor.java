package dev.migstatus.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Redacts secrets from UTF-8 bytes as they stream past: the byte-level twin of
 * {@link Redactor#redact}, for output too large to go through a {@code Writer} (a 35 MB JSON
 * document). In valid UTF-8 a secret's bytes occur exactly where its characters do. One pass
 * looks for every secret; where two could start at the same byte, the one added to the
 * {@link Redactor} first wins. The pass skips ahead as Horspool's search does (the byte at the
 * end of a window that no secret has near its start moves the window past it), so it looks at
 * a fraction of the bytes: a key is at least {@code Credential.MIN_LENGTH} long. Not thread-safe.
 */
public final class ByteRedactor {

    private static final byte[] REDACTED = Redactor.REDACTED.getBytes(StandardCharsets.US_ASCII);

    private final byte[][] secrets;
    /** The shortest secret's length: the window the search slides. */
    private final int window;
    /** Per byte at the window's end: how far the window may move without passing a possible start. */
    private final int[] skip = new int[256];
    private final int longest;
    private byte[] out = new byte[64 * 1024];
    private int outLength;

    public ByteRedactor(List<String> secrets) {
        this.secrets = new byte[secrets.size()][];
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < secrets.size(); i++) {
            this.secrets[i] = secrets.get(i).getBytes(StandardCharsets.UTF_8);
            max = Math.max(max, this.secrets[i].length);
            min = Math.min(min, this.secrets[i].length);
        }
        this.longest = max;
        this.window = secrets.isEmpty() ? 1 : min;
        Arrays.fill(skip, window);
        for (byte[] secret : this.secrets) {
            for (int j = 0; j < window; j++) {
                skip[secret[j] & 0xff] = Math.min(skip[secret[j] & 0xff], window - 1 - j);
            }
        }
    }

    /**
     * Redacts {@code in[from, to)} into the output; returns the index of the first byte not yet
     * consumed. Unless {@code atEnd}, the last bytes that could begin a secret are left for the
     * next call, with whatever follows them.
     */
    public int redact(byte[] in, int from, int to, boolean atEnd) {
        if (secrets.length == 0) {
            append(in, from, to - from);
            return to;
        }
        int limit = atEnd ? to : to - (longest - 1);
        int copyFrom = from;
        int i = from;
        int[] skip = this.skip;
        int last = window - 1;
        while (i < limit) {
            // No secret fits in what is left of the input: nothing more can match.
            if (i + last >= to) {
                i = limit;
                break;
            }
            int shift = skip[in[i + last] & 0xff];
            if (shift > 0) {
                i += shift;
                continue;
            }
            int length = matchAt(in, i, to);
            if (length == 0) {
                i++;
                continue;
            }
            append(in, copyFrom, i - copyFrom);
            append(REDACTED, 0, REDACTED.length);
            i += length;
            copyFrom = i;
        }
        int end = Math.max(i, limit);
        if (end > copyFrom) {
            append(in, copyFrom, Math.min(end, to) - copyFrom);
        }
        return Math.max(copyFrom, Math.min(end, to));
    }

    private int matchAt(byte[] in, int at, int to) {
        next:
        for (byte[] secret : secrets) {
            if (at + secret.length > to) {
                continue;
            }
            for (int k = 0; k < secret.length; k++) {
                if (in[at + k] != secret[k]) {
                    continue next;
                }
            }
            return secret.length;
        }
        return 0;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (outLength + length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + length));
        }
        System.arraycopy(bytes, offset, out, outLength, length);
        outLength += length;
    }

    /** The redacted bytes so far, {@code [0, outputLength())}; {@link #clearOutput()} once they are taken. */
    public byte[] output() {
        return out;
    }

    public int outputLength() {
        return outLength;
    }

    public void clearOutput() {
        outLength = 0;
    }
}
