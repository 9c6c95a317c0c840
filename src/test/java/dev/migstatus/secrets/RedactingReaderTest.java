package dev.migstatus.secrets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactingReaderTest {

    private static final String KEY = "sk-0123456789abcdef";

    /** Hands out text in pieces of a given size, as a network stream does. */
    private static Reader trickle(String text, int piece) {
        return new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                return in.read(buf, off, Math.min(len, piece));
            }

            @Override
            public void close() {
            }
        };
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    @Test
    void masksTheSecretWhereverTheReadsSplitIt() throws IOException {
        String text = "a" + KEY + "b" + "x".repeat(20_000) + KEY + KEY + "tail " + KEY;
        String expected = "a[redacted]b" + "x".repeat(20_000) + "[redacted][redacted]tail [redacted]";
        for (int piece : new int[] {1, 3, 7, 19, 8192, 100_000}) {
            assertEquals(expected, readAll(new RedactingReader(trickle(text, piece), KEY)), "pieces of " + piece);
        }
    }

    @Test
    void masksAlikeWhateverSizeTheReaderAsksFor() throws IOException {
        // gson asks for 1,024 characters at a time; a secret may straddle any of those reads.
        String text = ("y".repeat(1_017) + KEY + "z".repeat(9_000)).repeat(5) + KEY;
        String expected = ("y".repeat(1_017) + "[redacted]" + "z".repeat(9_000)).repeat(5) + "[redacted]";
        for (int ask : new int[] {1, 5, 1_024, 8_192, 50_000}) {
            RedactingReader reader = new RedactingReader(trickle(text, 4_093), KEY);
            StringBuilder out = new StringBuilder();
            char[] buf = new char[ask];
            for (int n = reader.read(buf, 0, ask); n >= 0; n = reader.read(buf, 0, ask)) {
                out.append(buf, 0, n);
            }
            assertEquals(expected, out.toString(), "reads of " + ask);
        }
    }

    @Test
    void leavesOtherTextAlone() throws IOException {
        String text = "sk-0123456789abcde is almost the key, and so is k-0123456789abcdef";
        assertEquals(text, readAll(new RedactingReader(trickle(text, 5), KEY)));
        assertEquals("", readAll(new RedactingReader(new StringReader(""), KEY)));
    }
}
