package dev.migstatus.docspace;

import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Reads a status envelope straight from the response stream with gson's {@link JsonReader}:
 * a large tenant's status is tens of megabytes, so neither the body nor a tree of it is held.
 *
 * <p>Members may come in any order or be absent, and unknown members are skipped. A member it reads
 * must have the type DocSpace writes, or be null (see {@link JsonValues}): otherwise an
 * {@link UnexpectedTypeException}. A syntax error surfaces as the reader's {@link IOException}.
 */
final class StatusReader {

    private final JsonReader json;
    private final JsonValues values;
    private final PeopleReader people;
    /** What the parseResult of the status read last held: a repeated member counts as its last value, as it does in the model. */
    private StatusAnswer.Shape shape = StatusAnswer.Shape.NO_PARSE_RESULT;
    /** Whether the answer has a member only DocSpace 2.0 wrote. */
    private boolean docSpace20;

    private StatusReader(Reader in) {
        this.json = new JsonReader(in);
        this.values = new JsonValues(json);
        this.people = new PeopleReader(json, values);
    }

    static Envelope read(Reader in) throws IOException {
        return new StatusReader(in).envelope();
    }

    private Envelope envelope() throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            return new Envelope(null, false, 0, 0, null, StatusAnswer.Shape.NO_PARSE_RESULT, false);
        }
        MigrationStatus status = null;
        boolean recognized = false;
        boolean wrongResponse = false;
        int statusFlag = 0;
        int statusCode = 0;
        String errorMessage = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "response" -> {
                    JsonToken token = json.peek();
                    // Only an object or null is a DocSpace answer; "hello" must not pass for "no migration".
                    recognized = token == JsonToken.BEGIN_OBJECT || token == JsonToken.NULL;
                    wrongResponse = !recognized;
                    if (token == JsonToken.BEGIN_OBJECT) {
                        status = statusObject();
                    } else if (token == JsonToken.STRING) {
                        // DocSpace 2.0 answered a cancelled migration with its migrator's name alone.
                        docSpace20 |= Envelope.DOCSPACE_20_MIGRATORS.contains(json.nextString());
                    } else {
                        json.skipValue();
                    }
                }
                // Another API's {"status":"ok"} is not a DocSpace envelope: said so, not as a type error.
                case "status" -> {
                    recognized = true;
                    wrongResponse |= json.peek() != JsonToken.NUMBER;
                    statusFlag = wrongResponse ? skipped() : (int) values.count();
                }
                case "statusCode" -> {
                    recognized = true;
                    wrongResponse |= json.peek() != JsonToken.NUMBER;
                    statusCode = wrongResponse ? skipped() : (int) values.count();
                }
                case "error" -> errorMessage = envelopeError();
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new com.google.gson.stream.MalformedJsonException("more than one JSON value in the answer");
        }
        return new Envelope(status, !wrongResponse && (recognized || errorMessage != null), statusFlag, statusCode, errorMessage,
                status == null ? StatusAnswer.Shape.NO_PARSE_RESULT : shape, docSpace20);
    }

    private int skipped() throws IOException {
        json.skipValue();
        return 0;
    }

    /** An error envelope's message: an object's {@code message} or a bare string; anything else is no error anyone can read. */
    private String envelopeError() throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            return values.absent();
        }
        if (token != JsonToken.STRING && token != JsonToken.BEGIN_OBJECT) {
            throw values.unexpected("an object or a string");
        }
        return ErrorBody.errorMember(json);
    }

    private MigrationStatus statusObject() throws IOException {
        double progress = 0;
        String error = "";
        boolean completed = false;
        ParseResult parseResult = null;
        shape = StatusAnswer.Shape.NO_PARSE_RESULT;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "progress" -> progress = values.number();
                case "error" -> {
                    String e = values.string();
                    error = e == null ? "" : e;
                }
                case "isCompleted" -> completed = values.bool();
                case "parseResult" -> {
                    shape = StatusAnswer.Shape.NO_PARSE_RESULT;
                    parseResult = values.objectStarts() ? parseResult() : null;
                }
                default -> {
                    docSpace20 |= Envelope.DOCSPACE_20_MEMBERS.contains(name);
                    json.skipValue();
                }
            }
        }
        json.endObject();
        return new MigrationStatus(progress, error, completed, parseResult);
    }

    private ParseResult parseResult() throws IOException {
        String migratorName = null;
        String operation = null;
        List<String> failedArchives = null;
        List<MigrationUser> users = null;
        List<MigrationUser> withoutEmail = null;
        List<MigrationUser> existing = null;
        List<MigrationGroup> groups = null;
        long succeeded = 0;
        long failed = 0;
        List<String> files = null;
        List<String> errors = null;
        boolean whole = false;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            whole |= !StatusFields.LEAN_PARSE_RESULT.contains(name);
            switch (name) {
                case "migratorName" -> migratorName = values.string();
                case "operation" -> operation = values.string();
                case "failedArchives" -> failedArchives = values.strings();
                case "users" -> users = people.users();
                case "withoutEmailUsers" -> withoutEmail = people.users();
                case "existUsers" -> existing = people.users();
                case "groups" -> groups = people.groups();
                case "successedUsers" -> succeeded = values.count();
                case "failedUsers" -> failed = values.count();
                case "files" -> files = values.strings();
                case "errors" -> errors = values.strings();
                default -> json.skipValue();
            }
        }
        json.endObject();
        shape = whole ? StatusAnswer.Shape.WHOLE : StatusAnswer.Shape.LEAN;
        return new ParseResult(migratorName, operation, failedArchives, users, withoutEmail, existing, groups,
                succeeded, failed, files, errors);
    }
}
