package dev.migstatus.docspace;

import java.util.Arrays;

/**
 * Bytes written one value at a time, kept in one array so that a value can be found again by
 * its offsets: the copying reader writes a user's members here, then copies them out in order.
 * Not thread-safe.
 */
final class ByteSink {

    private byte[] bytes = new byte[1024];
    private int count;

    void write(int b) {
        if (count == bytes.length) {
            bytes = Arrays.copyOf(bytes, count * 2);
        }
        bytes[count++] = (byte) b;
    }

    void write(byte[] from, int offset, int length) {
        if (count + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(count * 2, count + length));
        }
        System.arraycopy(from, offset, bytes, count, length);
        count += length;
    }

    /** Text known to be ASCII: names, escapes, digits. */
    void writeAscii(String s) {
        int n = s.length();
        if (count + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(count * 2, count + n));
        }
        for (int i = 0; i < n; i++) {
            bytes[count++] = (byte) s.charAt(i);
        }
    }

    /** Appends a copy of bytes {@code from} to {@code to} of this sink. */
    void copyWithin(int from, int to) {
        int length = to - from;
        if (count + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(count * 2, count + length));
        }
        System.arraycopy(bytes, from, bytes, count, length);
        count += length;
    }

    int size() {
        return count;
    }

    void reset() {
        count = 0;
    }

    /** Appends bytes {@code from} to {@code to} of this sink to {@code out}. */
    void copyTo(ByteChunks out, int from, int to) {
        out.write(bytes, from, to - from);
    }

    /** Appends everything written since {@code from} to {@code out}. */
    void copyTo(ByteChunks out, int from) {
        copyTo(out, from, count);
    }
}
