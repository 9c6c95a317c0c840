package dev.migstatus.render.report;

import dev.migstatus.docspace.StatusJsonText;
import dev.migstatus.secrets.RedactingOutputStream;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.text.SafeText;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The single document {@code -o json} prints at the end, on success and on every failure:
 * {@code {"schemaVersion":1,"host":…,"outcome":…,"exitCode":N,"elapsedSeconds":x,"message":…,"status":…}}.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    public static void print(PrintWriter out, FinalReport report) {
        printLine(out, json -> writeObject(json, report, null));
    }

    /**
     * The report with its status copied from the answer, written as bytes to {@code stdout}
     * (under {@code out}, which is flushed first): byte for byte what {@link #print(PrintWriter,
     * FinalReport)} writes for the model of the same answer, redaction included.
     */
    public static void print(PrintWriter out, OutputStream stdout, Redactor redactor, FinalReport report, StatusJsonText status) {
        // The report's own members as ever, with a null status; its "null}" gives way to the copy.
        StringWriter text = new StringWriter();
        printLine(new PrintWriter(text), json -> writeObject(json, new FinalReport(report.host(), report.code(), report.elapsed(),
                report.message(), null), null));
        String head = text.toString().strip();
        head = head.substring(0, head.length() - "null}".length());
        out.flush();
        try {
            RedactingOutputStream redacted = new RedactingOutputStream(stdout, redactor);
            redacted.write(head.getBytes(StandardCharsets.UTF_8));
            status.writeTo(redacted);
            redacted.write(("}" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            redacted.flush();
        } catch (IOException stdoutGone) {
            // As the PrintWriter every other line goes through: a closed pipe (| head) is not an error of ours.
        }
    }

    /** One JSON value on one line, streamed straight to {@code out}: a document can carry 100,000 users. */
    public static void printLine(PrintWriter out, LeadingMembers value) {
        try {
            JsonWriter json = newWriter(out);
            value.write(json);
            json.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON writer for our output: one line, nulls written, terminal-hostile characters escaped,
     * buffered (see {@link JsonSafeWriter}). Flush it before writing to {@code out} directly again.
     */
    public static JsonWriter newWriter(Writer out) {
        JsonWriter json = new JsonWriter(new JsonSafeWriter(out, 1 << 16));
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
        json.name("outcome").value(report.code().outcome());
        json.name("exitCode").value(report.code().code());
        json.name("elapsedSeconds").value(report.elapsed().toMillis() / 1000.0);
        json.name("message").value(report.message() == null ? null : SafeText.line(report.message()));
        json.name("status");
        StatusJson.write(json, report.status());
        json.endObject();
    }

    /** Writes JSON: members ahead of the report's own, or a whole line. */
    @FunctionalInterface
    public interface LeadingMembers {
        void write(JsonWriter json) throws IOException;
    }
}
