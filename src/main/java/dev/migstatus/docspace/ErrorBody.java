package dev.migstatus.docspace;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * The message in an error answer: DocSpace's envelope ({@code error.message}), an RFC 7807 problem
 * ({@code title}, {@code detail}) from a suspended portal, or nothing. The .NET stack trace the
 * envelope also carries is never returned: it is noise to a user.
 */
final class ErrorBody {

    /** Who wrote the answer, as far as its shape tells. */
    enum Kind {
        /** DocSpace's own error envelope. */
        DOCSPACE,
        /** An RFC 7807 problem: what a suspended or unpaid portal answers. */
        PROBLEM,
        /** Empty, HTML, or JSON of another shape: a proxy, a web server, the wrong address. */
        OTHER
    }

    /** The server's message ("" when it gave none) and the kind of answer it came in. */
    record Parsed(String message, Kind kind) {
        static final Parsed NOTHING = new Parsed("", Kind.OTHER);
    }

    private ErrorBody() {
    }

    static Parsed read(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return Parsed.NOTHING;
        }
        try {
            JsonReader json = new JsonReader(new StringReader(body));
            String envelopeMessage = null;
            String title = null;
            String detail = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "error" -> envelopeMessage = errorMember(json);
                    case "title" -> title = string(json);
                    case "detail" -> detail = string(json);
                    default -> json.skipValue();
                }
            }
            if (envelopeMessage != null) {
                return new Parsed(envelopeMessage.strip(), Kind.DOCSPACE);
            }
            if (title == null && detail == null) {
                return Parsed.NOTHING;
            }
            String message = title != null && detail != null && !detail.isBlank()
                    ? title.strip() + ": " + detail.strip()
                    : title != null ? title.strip() : detail.strip();
            return new Parsed(message, Kind.PROBLEM);
        } catch (IOException | IllegalStateException | NumberFormatException notAnErrorDocument) {
            return Parsed.NOTHING;
        }
    }

    /**
     * The message of an envelope's {@code error} member: an object's {@code message} ("" when it has
     * none), or a bare string; null when the member is neither.
     */
    static String errorMember(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.STRING) {
            return json.nextString();
        }
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return null;
        }
        String message = "";
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("message")) {
                String m = string(json);
                message = m == null ? "" : m;
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return message;
    }

    private static String string(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.STRING) {
            return json.nextString();
        }
        json.skipValue();
        return null;
    }
}
