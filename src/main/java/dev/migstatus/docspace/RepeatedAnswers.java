package dev.migstatus.docspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the last status answer as it came off the wire, and what it said. A watch asks every
 * few seconds and mostly gets the same bytes back: progress moves in whole percents and sits at
 * 0 or 1 for a long time, and the user lists (megabytes for a big tenant) change only when an
 * operation ends. Such an answer is compared as it streams in, never inflated or parsed again.
 * When it differs, parsing starts from the bytes already read and goes on with the rest of the
 * stream, so nothing is read twice.
 *
 * <p>The same bytes with the same {@code Content-Encoding} always read as the same answer, so
 * this is exact, not a heuristic. The first answer is not kept: a single look ({@code --once})
 * never pays for a copy it would not compare. Answers larger than the limit are not kept
 * either. One client polls from one thread; this class is not thread-safe.
 */
final class RepeatedAnswers {

    /** Reads a whole answer body (as it came off the wire) into an envelope. */
    @FunctionalInterface
    interface Parser {
        Envelope parse(InputStream wireBytes) throws IOException, ApiException;
    }

    private static final int BLOCK = 64 * 1024;

    private final long limit;
    private final byte[] chunk = new byte[BLOCK];
    private int answers;
    private Bytes lastBody;
    private String lastEncoding;
    private Envelope lastEnvelope;

    /** @param limit the largest body kept for comparison, in bytes as they come off the wire */
    RepeatedAnswers(long limit) {
        this.limit = limit;
    }

    /**
     * The envelope of this answer: the last one when the bytes are the same, else what
     * {@code parser} makes of them.
     *
     * @param encoding the answer's {@code Content-Encoding}, "" when none
     */
    Envelope read(InputStream wire, String encoding, Parser parser) throws IOException, ApiException {
        answers++;
        if (answers == 1) {
            return parser.parse(wire);
        }
        Bytes body = new Bytes(limit);
        if (lastBody != null && encoding.equals(lastEncoding)) {
            long same = 0;
            while (true) {
                int n = wire.read(chunk, 0, chunk.length);
                if (n < 0) {
                    if (same == lastBody.length()) {
                        return lastEnvelope;
                    }
                    break;
                }
                if (!lastBody.matches(same, chunk, n)) {
                    lastBody.copyTo(body, same);
                    body.append(chunk, 0, n);
                    break;
                }
                same += n;
            }
            if (body.length() == 0 && same > 0) {
                // The answer is a strict prefix of the last one: cut short, or a shorter document.
                lastBody.copyTo(body, same);
            }
        }
        InputStream rest = new Recorded(wire, body);
        Envelope envelope = parser.parse(new SequenceInputStream(body.reader(), rest));
        // Whatever the parser left unread is part of the answer too, for the next comparison.
        while (rest.read(chunk, 0, chunk.length) >= 0) {
            // drained into body
        }
        if (body.overflowed()) {
            lastBody = null;
        } else {
            lastBody = body;
            lastEncoding = encoding;
            lastEnvelope = envelope;
        }
        return envelope;
    }

    /** Bytes in blocks: growing them copies nothing, and no array is ever twice their size. */
    private static final class Bytes {
        private final long limit;
        private final List<byte[]> blocks = new ArrayList<>();
        private long length;
        private boolean overflowed;

        Bytes(long limit) {
            this.limit = limit;
        }

        long length() {
            return length;
        }

        boolean overflowed() {
            return overflowed;
        }

        void append(byte[] b, int off, int len) {
            if (overflowed) {
                return;
            }
            if (length + len > limit) {
                overflowed = true;
                blocks.clear();
                return;
            }
            while (len > 0) {
                int in = (int) (length % BLOCK);
                if (in == 0) {
                    blocks.add(new byte[BLOCK]);
                }
                int n = Math.min(len, BLOCK - in);
                System.arraycopy(b, off, blocks.get(blocks.size() - 1), in, n);
                off += n;
                len -= n;
                length += n;
            }
        }

        /** Whether {@code b[0..len)} equals these bytes from {@code at} on. */
        boolean matches(long at, byte[] b, int len) {
            if (at + len > length) {
                return false;
            }
            int off = 0;
            while (off < len) {
                long pos = at + off;
                byte[] block = blocks.get((int) (pos / BLOCK));
                int in = (int) (pos % BLOCK);
                int n = Math.min(len - off, BLOCK - in);
                if (!Arrays.equals(block, in, in + n, b, off, off + n)) {
                    return false;
                }
                off += n;
            }
            return true;
        }

        /** Appends the first {@code count} bytes to {@code target}. */
        void copyTo(Bytes target, long count) {
            long done = 0;
            for (byte[] block : blocks) {
                if (done >= count) {
                    break;
                }
                int n = (int) Math.min(BLOCK, count - done);
                target.append(block, 0, n);
                done += n;
            }
        }

        /** The bytes there are now, to be read again. */
        InputStream reader() {
            long end = length;
            return new InputStream() {
                private long pos;

                @Override
                public int read() {
                    if (pos >= end) {
                        return -1;
                    }
                    byte b = blocks.get((int) (pos / BLOCK))[(int) (pos % BLOCK)];
                    pos++;
                    return b & 0xff;
                }

                @Override
                public int available() {
                    return (int) Math.min(Integer.MAX_VALUE, end - pos);
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= end) {
                        return -1;
                    }
                    int in = (int) (pos % BLOCK);
                    int n = (int) Math.min(Math.min(len, BLOCK - in), end - pos);
                    System.arraycopy(blocks.get((int) (pos / BLOCK)), in, b, off, n);
                    pos += n;
                    return n;
                }
            };
        }
    }

    /** The wire, with everything read from it also kept in {@code body}. */
    private static final class Recorded extends InputStream {
        private final InputStream wire;
        private final Bytes body;

        Recorded(InputStream wire, Bytes body) {
            this.wire = wire;
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = wire.read();
            if (b >= 0) {
                body.append(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int available() throws IOException {
            return wire.available();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = wire.read(b, off, len);
            if (n > 0) {
                body.append(b, off, n);
            }
            return n;
        }
    }
}
