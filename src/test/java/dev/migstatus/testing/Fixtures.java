package dev.migstatus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Response bodies as a DocSpace server writes them, from src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String body(String name) {
        String path = "/fixtures/" + (name.endsWith(".json") ? name : name + ".json");
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status envelope around a hand-written status object. */
    public static String envelope(String statusJson) {
        return "{\"response\":" + statusJson + ",\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}";
    }

    /** A running operation at a given progress, for building sequences. */
    public static String running(String operation, double progress) {
        return envelope("{\"progress\":" + progress + ",\"error\":\"\",\"isCompleted\":false,\"parseResult\":"
                + "{\"migratorName\":\"Nextcloud\",\"operation\":\"" + operation + "\",\"users\":[],\"groups\":[]}}");
    }
}
