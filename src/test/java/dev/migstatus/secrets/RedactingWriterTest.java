package dev.migstatus.secrets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer every byte of output passes through: the key never gets out, however it is cut. */
class RedactingWriterTest {

    private static final String KEY = "sk-0123456789abcdef0123456789abcdef";

    private final StringWriter sink = new StringWriter();
    private final Redactor redactor = new Redactor();
    private final RedactingWriter writer = new RedactingWriter(sink, redactor);

    RedactingWriterTest() {
        redactor.add(KEY);
    }

    @Test
    void keySplitAcrossWritesOnOneLineIsMasked() throws IOException {
        writer.write("first line\nthe key is " + KEY.substring(0, 10));
        writer.write(KEY.substring(10) + " and more\nlast");
        writer.flush();
        assertEquals("first line\nthe key is " + Redactor.REDACTED + " and more\nlast", sink.toString());
    }

    @Test
    void aLongLineIsPassedOnInChunksAndStillMasked() throws IOException {
        // One JSON line of megabytes, written in the small pieces a JsonWriter makes, the key among them.
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            String piece = i % 5_000 == 4_999 ? KEY.substring(0, 7) : "{\"n\":" + i + "},";
            String rest = i % 5_000 == 4_999 ? KEY.substring(7) : "";
            writer.write(piece);
            writer.write(rest);
            expected.append(i % 5_000 == 4_999 ? Redactor.REDACTED : piece);
        }
        assertTrue(sink.getBuffer().length() > 1_000_000, "passed on before the line ends");
        writer.write("\n");
        writer.flush();
        assertFalse(sink.toString().contains(KEY));
        assertEquals(expected + "\n", sink.toString());
    }
}
