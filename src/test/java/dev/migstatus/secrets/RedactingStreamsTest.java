package dev.migstatus.secrets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte-level redacting streams agree with the text ones wherever reads and writes split a secret. */
class RedactingStreamsTest {

    private static final String KEY = "sk-0123456789abcdef";

    /** Hands out bytes in pieces of a given size, as a network stream does. */
    private static InputStream trickle(byte[] bytes, int piece) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theInputStreamRedactsTheSecretWhereverTheReadsSplitIt() throws IOException {
        String text = "a" + KEY + "b" + "é".repeat(40_000) + KEY + KEY + "tail " + KEY;
        String expected = "a[redacted]b" + "é".repeat(40_000) + "[redacted][redacted]tail [redacted]";
        for (int piece : new int[] {1, 3, 7, 19, 8192, 65_536, 200_000}) {
            byte[] read = new RedactingInputStream(trickle(utf8(text), piece), KEY).readAllBytes();
            assertEquals(expected, new String(read, StandardCharsets.UTF_8), "pieces of " + piece);
        }
    }

    @Test
    void theOutputStreamRedactsEverySecretAsTheWriterDoes() throws IOException {
        Redactor redactor = new Redactor();
        redactor.add(KEY);
        redactor.add("tok/en+with=sign");
        String text = ("x".repeat(70_000) + KEY + " tok%2Fen%2Bwith%3Dsign tok/en+with=sign ü\n").repeat(3) + "sk-0123 " + KEY;
        String expected = redactor.redact(text);
        for (int piece : new int[] {1, 5, 4096, 65_536, 300_000}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RedactingOutputStream out = new RedactingOutputStream(bytes, redactor);
            byte[] all = utf8(text);
            for (int off = 0; off < all.length; off += piece) {
                out.write(all, off, Math.min(piece, all.length - off));
            }
            out.flush();
            assertEquals(expected, bytes.toString(StandardCharsets.UTF_8), "writes of " + piece);
            StringBuilder writer = new StringBuilder();
            try (RedactingWriter w = new RedactingWriter(new java.io.Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    writer.append(cbuf, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, redactor)) {
                w.write(text);
            }
            assertEquals(writer.toString(), bytes.toString(StandardCharsets.UTF_8), "the writer's redaction, writes of " + piece);
        }
    }

    /** Random text made of pieces of the secrets, written in random pieces: the writer's redaction, byte for byte. */
    @Test
    void randomTextsAreRedactedAsTheWriterRedactsThem() throws IOException {
        java.util.Random random = new java.util.Random(5);
        Redactor redactor = new Redactor();
        redactor.add("sk-abcabcab");
        redactor.add("ab+cd/ab+cdef");
        String[] pieces = {"sk-", "abc", "ab", "sk-abcabcab", "ab+cd/", "ab%2Bcd", "%2F", "ef", "x", "é", "\n", "c"};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RedactingOutputStream out = new RedactingOutputStream(bytes, redactor);
            byte[] all = utf8(text.toString());
            for (int off = 0; off < all.length; ) {
                int n = Math.min(1 + random.nextInt(9), all.length - off);
                out.write(all, off, n);
                off += n;
            }
            out.flush();
            assertEquals(redactor.redact(text.toString()), bytes.toString(StandardCharsets.UTF_8), text.toString());
            byte[] read = new RedactingInputStream(trickle(all, 1 + random.nextInt(5)), "sk-abcabcab").readAllBytes();
            assertEquals(text.toString().replace("sk-abcabcab", Redactor.REDACTED), new String(read, StandardCharsets.UTF_8));
        }
    }
}
