package dev.migstatus.render;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The single document {@code -o json} prints at the end, on success and on every failure:
 * {@code {"schemaVersion":1,"host":…,"outcome":…,"exitCode":N,"elapsedSeconds":x,"message":…,"status":…}}.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    public static void print(PrintWriter out, FinalReport report) {
        try {
            JsonWriter json = newBufferedWriter(out);
            writeObject(json, report, null);
            json.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON writer for our output: one line, nulls written, terminal-hostile characters escaped. */
    public static JsonWriter newWriter(Writer out) {
        return configured(new JsonWriter(new JsonSafeWriter(out)));
    }

    /**
     * The same, for a whole document: JsonWriter writes a few characters at a time, and each write
     * costs the escaping, redacting and encoding writers behind it a call (twelve million for
     * 100,000 users). A buffer in front of them makes those calls few. Flush it before writing
     * to {@code out} directly again.
     */
    static JsonWriter newBufferedWriter(Writer out) {
        return configured(new JsonWriter(new JsonSafeWriter(out, 1 << 16)));
    }

    private static JsonWriter configured(JsonWriter json) {
        json.setSerializeNulls(true);
        json.setHtmlSafe(false);
        return json;
    }

    /**
     * Writes the report's members as one object.
     *
     * @param leading called after the object is opened, for members that come first (an event's name and time)
     */
    public static void writeObject(JsonWriter json, FinalReport report, LeadingMembers leading) throws IOException {
        json.beginObject();
        if (leading != null) {
            leading.write(json);
        }
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("host").value(report.host());
        json.name("outcome").value(report.outcome());
        json.name("exitCode").value(report.exitCode());
        json.name("elapsedSeconds").value(report.elapsed().toMillis() / 1000.0);
        json.name("message").value(report.message() == null ? null : SafeText.line(report.message()));
        json.name("status");
        StatusJson.write(json, report.status());
        json.endObject();
    }

    /** Members written ahead of the report's own. */
    @FunctionalInterface
    public interface LeadingMembers {
        void write(JsonWriter json) throws IOException;
    }
}
