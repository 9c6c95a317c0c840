package dev.migstatus.docspace;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Long strings are cut as they stream by, and what comes out is still the same JSON otherwise. */
class JsonStringCutterTest {

    private static String cut(String json, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Odd read sizes, so that the cut and the note fall across reads.
        try (InputStream in = new JsonStringCutter(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), max)) {
            byte[] chunk = new byte[3];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                out.write(chunk, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shortStringsAndEverythingElsePassUntouched() throws IOException {
        String json = "{\"a\":\"short\",\"b\":[1,2.5,true,null],\"c\":\"esc\\\"aped\\\\\",\"d\":{},\"é\":\"\uD83D\uDE00x\"}";
        assertEquals(json, cut(json, 10));
    }

    @Test
    void aLongValueAndALongNameAreCutWithANote() throws IOException {
        String json = "{\"" + "n".repeat(20) + "\":\"" + "v".repeat(1000) + "\",\"next\":1}";
        String out = cut(json, 8);
        assertEquals("{\"nnnnnnnn… (12 bytes cut)\":\"vvvvvvvv… (992 bytes cut)\",\"next\":1}", out);
        JsonParser.parseString(out);
    }

    @Test
    void aCutNeverSplitsAnEscapeOrACharacter() throws IOException {
        // The limit falls inside the escape \u00e9, after an escaped quote, inside U+1F600 (two
        // characters in Java, four bytes in UTF-8), and between two-byte characters.
        assertEquals("\"ab\\u00e9… (3 bytes cut)\"", cut("\"ab\\u00e9cde\"", 3));
        assertEquals("\"ab\\\"… (2 bytes cut)\"", cut("\"ab\\\"cd\"", 3));
        assertEquals("\"a\uD83D\uDE00… (3 bytes cut)\"", cut("\"a\uD83D\uDE00xyz\"", 2));
        assertEquals("éé… (4 bytes cut)", JsonParser.parseString(cut("\"ééàà\"", 2)).getAsString(), "bytes of UTF-8");
        assertEquals("ab… (10 bytes cut)", JsonParser.parseString(cut("\"ab\\\\\\\"\\u0041\"", 2)).getAsString(),
                "escapes cut whole: \\\\, \\\", \\u0041");
    }
}
