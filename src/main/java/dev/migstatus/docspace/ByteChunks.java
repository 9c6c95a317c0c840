package dev.migstatus.docspace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A long run of bytes kept in chunks: a 30 MB user list grows without being copied to ever larger
 * arrays, and is written out chunk by chunk. Not thread-safe.
 */
final class ByteChunks {

    private static final int FIRST_CHUNK = 4 * 1024;
    private static final int LARGEST_CHUNK = 1024 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int count;
    private long size;

    void write(byte[] from, int offset, int length) {
        while (length > 0) {
            if (count == chunk.length) {
                full.add(chunk);
                chunk = new byte[Math.min(LARGEST_CHUNK, chunk.length * 4)];
                count = 0;
            }
            int n = Math.min(length, chunk.length - count);
            System.arraycopy(from, offset, chunk, count, n);
            count += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    void writeAscii(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) s.charAt(i);
        }
        write(bytes, 0, bytes.length);
    }

    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] bytes : full) {
            out.write(bytes);
        }
        out.write(chunk, 0, count);
    }
}
