package dev.migstatus.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Redacts every secret of a {@link Redactor} from UTF-8 bytes on their way out: the byte-level
 * twin of {@link RedactingWriter}. Bytes that could begin a secret wait for the next write; a
 * flush lets them go, as the writer's does. The secrets are those known when it is made.
 */
public final class RedactingOutputStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final ByteRedactor redactor;
    private byte[] pending = new byte[CHUNK];
    private int count;

    public RedactingOutputStream(OutputStream out, Redactor secrets) {
        this.out = out;
        this.redactor = new ByteRedactor(secrets.secrets());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == pending.length) {
                emit(false);
                if (count == pending.length) {
                    pending = Arrays.copyOf(pending, pending.length * 2);
                }
            }
            int n = Math.min(len, pending.length - count);
            System.arraycopy(b, off, pending, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    private void emit(boolean all) throws IOException {
        int consumed = redactor.redact(pending, 0, count, all);
        out.write(redactor.output(), 0, redactor.outputLength());
        redactor.clearOutput();
        System.arraycopy(pending, consumed, pending, 0, count - consumed);
        count -= consumed;
    }

    @Override
    public void flush() throws IOException {
        emit(true);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
