package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.outcome.Summary;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.StatusJson;
import dev.migstatus.secrets.RedactingInputStream;
import dev.migstatus.secrets.RedactingReader;
import dev.migstatus.testing.Fixtures;

import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The copying reader against the model: for every example body, and for bodies made to stress
 * every leniency, the copy is byte for byte what the report writes from the model, and the
 * decisions and the summary come out the same. A body one of them refuses, the other refuses too.
 * Long because the bodies that stress each leniency are written out here, where they are read.
 */
class StatusCopierTest {

    private static final String KEY = "sk-copy0123456789";

    /** What one reader made of a body: the status text as -o json prints it, the decisions, or why it failed. */
    private record Reading(String envelope, byte[] status, String facts, String failure) {
    }

    private static Reading model(byte[] body) {
        try {
            Envelope e = StatusReader.read(new RedactingReader(new InputStreamReader(new ByteArrayInputStream(body),
                    StandardCharsets.UTF_8), KEY));
            byte[] status = null;
            if (e.status() != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                JsonWriter json = JsonReport.newWriter(out);
                StatusJson.write(json, e.status());
                json.flush();
                out.flush();
                status = bytes.toByteArray();
            }
            return new Reading(envelope(e), status, facts(e.status()), null);
        } catch (IOException | RuntimeException failure) {
            return new Reading(null, null, null, failure(failure));
        }
    }

    private static Reading copy(byte[] body) {
        try {
            StatusCopier.Read read = StatusCopier.read(new RedactingInputStream(new ByteArrayInputStream(body), KEY));
            Envelope e = read.envelope();
            byte[] status = null;
            if (read.text() != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                read.text().writeTo(bytes);
                status = bytes.toByteArray();
                assertEquals(status.length, read.text().size());
            }
            return new Reading(envelope(e), status, facts(e.status()), null);
        } catch (IOException | RuntimeException failure) {
            return new Reading(null, null, null, failure(failure));
        }
    }

    /** A type error is shown to the user, so its message must match too; a syntax error's words are gson's own. */
    private static String failure(Exception e) {
        return e instanceof UnexpectedTypeException ? "wrong type: " + e.getMessage() : "refused: " + e.getClass().getSimpleName()
                .replace("EOFException", "MalformedJsonException");
    }

    private static String envelope(Envelope e) {
        return e.recognized() + " " + e.statusFlag() + " " + e.statusCode() + " " + e.errorMessage() + " " + e.shape()
                + " " + (e.status() != null) + " " + e.docSpace20();
    }

    /** Everything a watch decides or says from a status. */
    private static String facts(MigrationStatus s) {
        if (s == null) {
            return "none";
        }
        var r = s.parseResult();
        return Phase.of(s) + " | " + s.progress() + " | " + s.error() + " | " + Summary.completed(s) + " | " + Summary.running(s)
                + " | " + FailurePolicy.STRICT.judge(s) + " | " + new FailurePolicy(5, true).judge(s) + " | " + r.distinctUsers()
                + " " + r.users().size() + " " + r.withoutEmailUsers().size() + " " + r.existUsers().size() + " " + r.groups().size()
                + " " + r.errors() + " " + r.files() + " " + r.failedArchives() + " " + r.successedUsers() + " " + r.failedUsers();
    }

    private static void assertSame(String what, byte[] body) {
        Reading model = model(body);
        Reading copy = copy(body);
        if (model.failure() != null || copy.failure() != null) {
            assertEquals(model.failure(), copy.failure(), what + "\n" + new String(body, StandardCharsets.UTF_8));
            return;
        }
        String context = what + "\n" + new String(body, StandardCharsets.UTF_8);
        assertEquals(model.envelope(), copy.envelope(), context);
        assertEquals(model.facts(), copy.facts(), context);
        if (model.status() == null || copy.status() == null) {
            assertEquals(model.status() == null, copy.status() == null, context);
            return;
        }
        if (!java.util.Arrays.equals(model.status(), copy.status())) {
            assertEquals(new String(model.status(), StandardCharsets.UTF_8), new String(copy.status(), StandardCharsets.UTF_8), context);
            assertArrayEquals(model.status(), copy.status(), context);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFixtureAndScenarioFrameIsCopiedAsTheModelWritesIt() throws Exception {
        List<Path> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(Fixtures.class.getResource("/fixtures/parse-running.json").toURI()).getParent())) {
            files.filter(p -> p.toString().endsWith(".json")).forEach(bodies::add);
        }
        assertTrue(bodies.size() > 10, bodies.toString());
        for (Path body : bodies) {
            byte[] bytes = Files.readAllBytes(body);
            assertSame(body.getFileName().toString(), bytes);
            assertSame(body.getFileName() + " as the server escapes it", utf8(serverEscaped(new String(bytes, StandardCharsets.UTF_8))));
        }
    }

    /** DocSpace writes every non-ASCII character and {@code <>&'+} as {@code \\uXXXX}. */
    private static String serverEscaped(String json) {
        StringBuilder out = new StringBuilder();
        for (char c : json.toCharArray()) {
            if (c > 0x7e || c == '<' || c == '>' || c == '&' || c == '\'' || c == '+') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void stringsOfEveryKindComeOutAlike() {
        List<String> values = new ArrayList<>(List.of("plain", "", "a\\\"b", "back\\\\slash", "\\/", "\\'", "tab\\there",
                "nl\\nx", "\\u0000\\u001f\\u007f\\u0080\\u009f\\u00a0", "\\ud83d\\ude00", "\\ud800 lone", "lone \\udc00",
                "\\u202e\\u2066\\u2028\\u2029\\u061c\\u200e", "O&#39;Brien &amp; &lt;x&gt; &#x263A; &#9731; &bogus;",
                "caf\u00e9 \u738b \uD83D\uDE00", "\u202e raw bidi", "\u0085 raw C1", "\u2028 raw LS",
                "Siobh\\u00E1n", "\\u00e9\\u00E9", "key " + KEY, "url sk-copy0123456789%20", "split sk-copy\\u0030123456789"));
        for (int c = 0; c < 0x20; c++) {
            values.add("raw control " + (char) c + ".");
        }
        for (String v : values) {
            String user = "{\"key\":\"" + v + "\",\"email\":\"" + v + "\",\"displayName\":\"" + v + "\",\"firstName\":\"" + v
                    + "\",\"lastName\":\"" + v + "\",\"userType\":\"" + v + "\"}";
            String status = "{\"progress\":5,\"error\":\"" + v + "\",\"isCompleted\":true,\"parseResult\":{\"migratorName\":\""
                    + v + "\",\"operation\":\"" + v + "\",\"users\":[" + user + "],\"existUsers\":[" + user
                    + "],\"groups\":[{\"groupName\":\"" + v + "\",\"userUidList\":[\"" + v + "\"]}],\"errors\":[\"" + v
                    + "\"],\"files\":[\"" + v + "\"],\"failedArchives\":[\"" + v + "\"]}}";
            assertSame(v, utf8(Fixtures.envelope(status)));
        }
    }

    @Test
    void malformedUtf8IsReplacedAsTheDecoderReplacesIt() {
        byte[][] oddities = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xc2, (byte) 0x85}};
        for (byte[] odd : oddities) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(utf8("{\"response\":{\"progress\":1,\"parseResult\":{\"users\":[{\"key\":\"a"));
            body.writeBytes(odd);
            body.writeBytes(utf8("b\",\"displayName\":\"x"));
            body.writeBytes(odd);
            body.writeBytes(utf8("\"}]}}}"));
            assertSame("bytes " + java.util.HexFormat.of().formatHex(odd), body.toByteArray());
        }
    }

    @Test
    void valuesOfUnexpectedTypesAreReadAsTheModelReadsThem() {
        List<String> scalars = List.of("null", "true", "false", "0", "-0", "1", "27.5", "-3", "1e2", "1E+2", "1.0", "2.5e-3",
                "9007199254740993", "123456789012345678901234567890", "1e400", "\"12\"", "\"27.5\"", "\"x\"", "\"true\"",
                "\"TRUE\"", "\" 7 \"", "\"0x10\"", "\"NaN\"", "\"Infinity\"", "\"4\"", "\"\\u0664\"", "[]", "{}", "[1,\"a\"]",
                "{\"a\":[null]}");
        for (String v : scalars) {
            String user = "{\"key\":" + v + ",\"email\":" + v + ",\"displayName\":" + v + ",\"userType\":" + v
                    + ",\"migratingFiles\":{\"foldersCount\":" + v + ",\"filesCount\":" + v + ",\"bytesTotal\":" + v + "}}";
            String status = "{\"progress\":" + v + ",\"error\":" + v + ",\"isCompleted\":" + v + ",\"parseResult\":{\"migratorName\":"
                    + v + ",\"operation\":" + v + ",\"users\":[" + user + "," + v + "],\"withoutEmailUsers\":" + v
                    + ",\"groups\":[{\"groupName\":" + v + ",\"moduleName\":" + v + ",\"userUidList\":[" + v + "]}," + v
                    + "],\"successedUsers\":" + v + ",\"failedUsers\":" + v + ",\"errors\":[" + v + "],\"files\":" + v
                    + ",\"failedArchives\":[" + v + "," + v + "]}}";
            assertSame(v, utf8("{\"response\":" + status + ",\"status\":" + v + ",\"statusCode\":" + v + "}"));
            assertSame("migratingFiles " + v, utf8(Fixtures.envelope("{\"parseResult\":{\"users\":[{\"migratingFiles\":" + v
                    + "}]}}")));
            assertSame("parseResult " + v, utf8(Fixtures.envelope("{\"parseResult\":" + v + "}")));
            assertSame("response " + v, utf8("{\"response\":" + v + ",\"status\":0}"));
            assertSame("error " + v, utf8("{\"error\":" + v + ",\"status\":1,\"statusCode\":500}"));
        }
    }

    @Test
    void repeatedReorderedEscapedAndUnknownMembersAreReadAsTheModelReadsThem() {
        String[] bodies = {
            "{\"response\":{\"parseResult\":{\"users\":[{\"key\":\"a\"}],\"users\":[{\"key\":\"b\"},{\"key\":\"c\"}]}}}",
            "{\"response\":{\"progress\":1},\"response\":null,\"status\":0}",
            "{\"response\":{\"progress\":1},\"response\":{\"progress\":2,\"parseResult\":{\"operation\":\"parse\"}}}",
            "{\"response\":{\"parseResult\":{\"users\":[{\"migratingFiles\":{\"filesCount\":3},\"migratingFiles\":7,\"key\":\"k\","
                + "\"key\":\"k2\",\"shouldImport\":true,\"extra\":{\"deep\":[[[{}]]]}}]}}}",
            "{\"r\\u0065sponse\":{\"pr\\u006fgress\":42,\"parseResult\":{\"us\\u0065rs\":[{\"k\\u0065y\":\"x\"}]}}}",
            "{\"count\":1,\"links\":[{\"href\":\"https://x/api?fields=progress\",\"action\":\"GET\"}],\"response\":{\"isCompleted\":true,"
                + "\"parseResult\":{\"migratorName\":\"N\",\"operation\":\"migration\",\"successedUsers\":3,\"failedUsers\":1}},"
                + "\"status\":0,\"statusCode\":200}",
            "{\"response\":{\"progress\":0,\"error\":\"\",\"isCompleted\":false},\"count\":1}",
            "{\"response\":{\"progress\":100,\"progressStatus\":\"Data processing completed\",\"parseResult\":{\"users\":[{\"key\":"
                + "\"jdoe\",\"moduleName\":\"Users\"}],\"migratorName\":\"NextcloudMigrate\",\"modules\":[]},\"migrationEnded\":false}}",
            "{\"response\":\"NextcloudMigrate\",\"count\":1}",
            "{\"error\":{\"message\":\"Access denied\",\"type\":\"System.Security.SecurityException\",\"stack\":\"at x\"},"
                + "\"status\":1,\"statusCode\":403}",
            "[{\"response\":{}}]",
            "  \n\t{ \"response\" : { \"progress\" : 3 , \"parseResult\" : { \"users\" : [ { \"key\" : \"a\" } , { } ] } } }  \n",
            "{\"response\":{\"parseResult\":{\"groups\":[{\"userUidList\":[\"a\",1,true,null,{},[]],\"groupName\":\"g\"},{}]}}}",
        };
        for (String body : bodies) {
            assertSame(body, utf8(body));
        }
    }

    @Test
    void whatTheModelRefusesTheCopyRefuses() {
        String[] bodies = {
            "{\"response\":{\"progress\":1}", "{\"response\":{\"progress\":01}}", "{\"response\":{\"progress\":1.}}",
            "{\"response\":{\"progress\":1e}}", "{\"response\":{\"progress\":2.5e+}}", "{\"response\":{\"progress\":-}}",
            "{\"response\":{\"progress\":+1}}", "{\"response\":{\"progress\":.5}}", "{\"response\":{\"progress\":NaN}}",
            "{\"response\":{\"progress\":1 2}}", "{\"response\":{\"error\":\"\\x\"}}", "{\"response\":{\"error\":\"\\u12\"}}",
            "{\"response\":{\"error\":\"unterminated}}", "{\"response\":{\"progress\":1,}}", "{\"response\":{,\"progress\":1}}",
            "{\"response\":{\"progress\" 1}}", "{\"response\":{progress:1}}", "{\"response\":{'progress':1}}",
            "{\"response\":{\"isCompleted\":tru}}", "{\"response\":{\"isCompleted\":truex}}", "{\"response\":{}} {}",
            "{\"response\":{}}x", "{\"response\":[1 2]}", "{\"response\":{\"parseResult\":{\"users\":[{\"key\":\"a\"}{}]}}}",
            "{\"response\":{\"isCompleted\":1e400}}", "{\"response\":{\"progress\":1}} // comment",
            "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}", "{\"a\":" + "[".repeat(254) + "]".repeat(254) + "}",
            "{\"a\":" + "[".repeat(255) + "]".repeat(255) + "}",
        };
        for (String body : bodies) {
            assertSame(body, utf8(body));
        }
    }

    /** Random statuses: members of random types, in random order, repeated, with random strings. */
    @Test
    void randomStatusesComeOutAlike() {
        Random random = new Random(13);
        for (int i = 0; i < 400; i++) {
            assertSame("random #" + i, utf8(Fixtures.envelope(new RandomStatus(random).status())));
        }
    }

    /** Bodies longer than the reader's buffer, with strings and names that straddle its end. */
    @Test
    void bigBodiesComeOutAlike() {
        Random random = new Random(7);
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            if (i > 0) {
                users.append(',');
            }
            users.append(new RandomStatus(random).user());
        }
        String body = Fixtures.envelope("{\"progress\":12,\"parseResult\":{\"users\":[" + users + "],\"existUsers\":[" + users
                + "],\"groups\":[{\"groupName\":\"" + "g".repeat(100_000) + "\"}]}}");
        assertTrue(body.length() > 150_000, "longer than the buffer: " + body.length());
        assertSame("1,000 random users", utf8(body));
    }

    @Test
    void aSecretSplitAcrossReadsIsStillRedacted() throws IOException {
        String body = Fixtures.envelope("{\"parseResult\":{\"users\":[{\"key\":\"" + "x".repeat(65_530) + KEY + "\"}]}}");
        Reading copy = copy(utf8(body));
        String text = new String(copy.status(), StandardCharsets.UTF_8);
        assertTrue(text.contains("[redacted]") && !text.contains(KEY), text.substring(text.length() - 200));
        assertSame("a key across the buffer's end", utf8(body));
    }

    /** Fails with a note if a random status generator ever produces nothing to compare. */
    @Test
    void theRandomStatusesExerciseTheCopy() {
        Random random = new Random(13);
        int copied = 0;
        for (int i = 0; i < 50; i++) {
            if (copy(utf8(Fixtures.envelope(new RandomStatus(random).status()))).status() != null) {
                copied++;
            }
        }
        if (copied < 25) {
            fail("only " + copied + " of 50 random statuses were read at all");
        }
    }
}
