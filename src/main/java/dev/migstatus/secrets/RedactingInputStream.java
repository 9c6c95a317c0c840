package dev.migstatus.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Redacts a secret from UTF-8 bytes as they stream in, before anything parses them: the byte-level
 * twin of {@link RedactingReader}, for a reader that works on bytes. A secret split across reads is
 * caught: the bytes that could begin one wait for the next read.
 */
public final class RedactingInputStream extends InputStream {

    private final InputStream in;
    private final ByteRedactor redactor;
    private byte[] raw = new byte[64 * 1024];
    private int rawStart;
    private int rawEnd;
    private boolean eof;
    private int served;

    public RedactingInputStream(InputStream in, String secret) {
        this.in = in;
        this.redactor = new ByteRedactor(List.of(secret));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (served == redactor.outputLength()) {
            if (eof && rawStart == rawEnd) {
                return -1;
            }
            redactor.clearOutput();
            served = 0;
            fill();
        }
        int n = Math.min(len, redactor.outputLength() - served);
        System.arraycopy(redactor.output(), served, b, off, n);
        served += n;
        return n;
    }

    private void fill() throws IOException {
        if (rawStart > 0) {
            System.arraycopy(raw, rawStart, raw, 0, rawEnd - rawStart);
            rawEnd -= rawStart;
            rawStart = 0;
        }
        if (rawEnd == raw.length) {
            raw = Arrays.copyOf(raw, raw.length * 2);
        }
        int n = in.read(raw, rawEnd, raw.length - rawEnd);
        if (n < 0) {
            eof = true;
        } else {
            rawEnd += n;
        }
        rawStart = redactor.redact(raw, rawStart, rawEnd, eof);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
