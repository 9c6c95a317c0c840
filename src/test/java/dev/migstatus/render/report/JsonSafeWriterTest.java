package dev.migstatus.render.report;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a terminal would obey never reaches it raw, however the document is cut into writes. */
class JsonSafeWriterTest {

    /** Names with a bidi override, a C1 control and a line separator, many times over 64 K characters. */
    private static String[] hostileNames() {
        String[] names = new String[20_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "user " + i + (i % 3 == 0 ? " \u202egnp.exe" : i % 3 == 1 ? " \u009b31m" : " a\u2028b");
        }
        return names;
    }

    private static String write(JsonWriter json, StringWriter out) throws IOException {
        json.setSerializeNulls(true);
        json.setHtmlSafe(false);
        json.beginArray();
        for (String name : hostileNames()) {
            json.value(name);
        }
        json.endArray();
        json.flush();
        return out.toString();
    }

    @Test
    void anyBufferWritesTheSameEscapedDocument() throws IOException {
        StringWriter plain = new StringWriter();
        String unbuffered = write(new JsonWriter(new JsonSafeWriter(plain, 1)), plain);
        StringWriter buffered = new StringWriter();
        String viaBuffer = write(new JsonWriter(new JsonSafeWriter(buffered, 1 << 16)), buffered);

        assertTrue(viaBuffer.length() > 3 * (1 << 16), "spans several buffers");
        assertEquals(unbuffered, viaBuffer);
        for (char raw : new char[] {'\u202e', '\u009b', '\u2028'}) {
            assertFalse(viaBuffer.indexOf(raw) >= 0, "raw U+" + Integer.toHexString(raw));
        }
        assertTrue(viaBuffer.contains("user 0 \\u202egnp.exe"));
        assertEquals("user 19999 \u202egnp.exe".replace("19999", "19998"),
                JsonParser.parseString(viaBuffer).getAsJsonArray().get(19998).getAsString(), "still valid JSON, same text");
    }
}
