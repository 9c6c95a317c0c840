package dev.migstatus.api;

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

    private ErrorBody() {
    }

    /** The server's message, or "" when the body is empty, not JSON or has none. */
    static String message(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return "";
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
            if (envelopeMessage != null && !envelopeMessage.isBlank()) {
                return envelopeMessage.strip();
            }
            if (title != null && detail != null && !detail.isBlank()) {
                return title.strip() + ": " + detail.strip();
            }
            return title != null ? title.strip() : detail != null ? detail.strip() : "";
        } catch (IOException | IllegalStateException | NumberFormatException notAnErrorDocument) {
            return "";
        }
    }

    private static String errorMember(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.STRING) {
            return json.nextString();
        }
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return null;
        }
        String message = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("message")) {
                message = string(json);
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
