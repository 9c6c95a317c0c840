package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;

import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;

/**
 * The copying counterpart of {@link StatusReader}: reads a status envelope from UTF-8 bytes and,
 * instead of a model, copies the status as {@code -o json} prints it ({@link StatusJsonText}),
 * with the same leniency, the same normalisation and the same member order as the reader and
 * {@code render.report.StatusJson} together; it keeps only what decisions and the summary need.
 * Strings that need no escaping are copied as bytes, which is most of a big status: {@code --once
 * -o json} of 100,000 users costs a fraction of building the model and writing it back.
 */
final class StatusCopier {

    private static final String[] PARSE_RESULT_NAMES = {"migratorName", "operation", "failedArchives", "users",
        "withoutEmailUsers", "existUsers", "groups", "successedUsers", "failedUsers", "files", "errors"};

    private final MemberNames envelopeNames = new MemberNames("response", "status", "statusCode", "error");
    private final MemberNames statusNames = new MemberNames("progress", "error", "isCompleted", "parseResult",
            "progressStatus", "migrationEnded");
    private final MemberNames parseResultNames = new MemberNames(PARSE_RESULT_NAMES);
    private final JsonBytes json;
    private final CopiedValues values;
    private final PeopleCopier people;
    private final ByteSink scratch = new ByteSink();

    private StatusCopier(InputStream in) {
        this.json = new JsonBytes(in);
        this.values = new CopiedValues(json);
        this.people = new PeopleCopier(json, values);
    }

    /** What was read: the envelope, and the status as -o json prints it (null when there is none). */
    record Read(Envelope envelope, StatusJsonText text) {
    }

    /** The status of the response read last, and its text; null when it had none. */
    private Copy copy;
    /** As in StatusReader: whether the answer has DocSpace 2.0's shape. */
    private boolean docSpace20;

    static Read read(InputStream in) throws IOException {
        StatusCopier copier = new StatusCopier(in);
        Envelope envelope = copier.envelope();
        return new Read(envelope, copier.copy == null ? null : copier.copy.text);
    }

    private record Copy(MigrationStatus status, StatusJsonText text, StatusAnswer.Shape shape) {
    }

    private Envelope envelope() throws IOException {
        if (json.peek() != JsonBytes.OBJECT) {
            return new Envelope(null, false, 0, 0, null, StatusAnswer.Shape.NO_PARSE_RESULT, false);
        }
        boolean recognized = false;
        boolean wrongResponse = false;
        int statusFlag = 0;
        int statusCode = 0;
        String errorMessage = null;
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            switch (json.nameIndex(envelopeNames)) {
                case 0 -> {
                    int kind = json.peek();
                    recognized = kind == JsonBytes.OBJECT || kind == JsonBytes.NULL;
                    wrongResponse = !recognized;
                    if (kind == JsonBytes.OBJECT) {
                        copy = statusObject();
                    } else if (kind == JsonBytes.STRING) {
                        docSpace20 |= Envelope.DOCSPACE_20_MIGRATORS.contains(values.string());
                    } else {
                        // As StatusReader: a later non-object response leaves the status read before.
                        json.skipValue();
                    }
                }
                // Another API's {"status":"ok"} is not a DocSpace envelope: said so, not as a type error.
                case 1 -> {
                    recognized = true;
                    wrongResponse |= json.peek() != JsonBytes.NUMBER;
                    statusFlag = wrongResponse ? skipped() : (int) values.count();
                }
                case 2 -> {
                    recognized = true;
                    wrongResponse |= json.peek() != JsonBytes.NUMBER;
                    statusCode = wrongResponse ? skipped() : (int) values.count();
                }
                case 3 -> errorMessage = envelopeError();
                default -> json.skipValue();
            }
        }
        json.endObject();
        json.endDocument();
        MigrationStatus status = copy == null ? null : copy.status;
        return new Envelope(status, !wrongResponse && (recognized || errorMessage != null), statusFlag, statusCode, errorMessage,
                copy == null ? StatusAnswer.Shape.NO_PARSE_RESULT : copy.shape, docSpace20);
    }

    private int skipped() throws IOException {
        json.skipValue();
        return 0;
    }

    /** As StatusReader reads it: a message, read by gson from the member's text (small; rare). */
    private String envelopeError() throws IOException {
        int kind = json.peek();
        if (kind == JsonBytes.NULL) {
            json.literal();
            return null;
        }
        if (kind != JsonBytes.STRING && kind != JsonBytes.OBJECT) {
            throw values.unexpected(kind, "an object or a string");
        }
        return ErrorBody.errorMember(new JsonReader(new StringReader(json.capture())));
    }

    private Copy statusObject() throws IOException {
        double progress = 0;
        String error = "";
        boolean completed = false;
        CopiedParseResult parsed = null;
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            switch (json.nameIndex(statusNames)) {
                case 0 -> progress = values.number();
                case 1 -> {
                    String e = values.string();
                    error = e == null ? "" : e;
                }
                case 2 -> completed = values.bool();
                case 3 -> parsed = values.objectStarts() ? parseResult() : null;
                case 4, 5 -> {
                    docSpace20 = true;
                    json.skipValue();
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (parsed == null) {
            parsed = new CopiedParseResult();
        }
        return new Copy(new MigrationStatus(progress, error, completed, parsed.model()),
                parsed.statusText(progress, error, completed, scratch), parsed.shape);
    }

    private CopiedParseResult parseResult() throws IOException {
        CopiedParseResult p = new CopiedParseResult();
        p.present = true;
        boolean whole = false;
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            int member = json.nameIndex(parseResultNames);
            whole |= member < 0 || !StatusFields.LEAN_PARSE_RESULT.contains(PARSE_RESULT_NAMES[member]);
            switch (member) {
                case 0 -> p.migratorName = values.string();
                case 1 -> p.operation = values.string();
                case 2 -> p.failedArchives = orEmpty(values.strings());
                case 3 -> {
                    p.usersText = new ByteChunks();
                    p.users = people.users(p.usersText);
                }
                case 4 -> {
                    p.withoutEmailText = new ByteChunks();
                    p.withoutEmail = people.users(p.withoutEmailText);
                }
                case 5 -> {
                    p.existText = new ByteChunks();
                    p.existing = people.users(p.existText);
                }
                case 6 -> {
                    p.groupsText = new ByteChunks();
                    p.groups = people.groups(p.groupsText);
                }
                case 7 -> p.succeeded = values.count();
                case 8 -> p.failed = values.count();
                case 9 -> p.files = orEmpty(values.strings());
                case 10 -> p.errors = orEmpty(values.strings());
                default -> json.skipValue();
            }
        }
        json.endObject();
        p.shape = whole ? StatusAnswer.Shape.WHOLE : StatusAnswer.Shape.LEAN;
        return p;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
