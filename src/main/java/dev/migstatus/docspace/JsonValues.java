package dev.migstatus.docspace;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scalar members of a status, read leniently: a value of an unexpected type is read as absent
 * (null, 0, false) rather than failing the whole answer. Syntax errors still surface.
 */
final class JsonValues {

    private final JsonReader json;

    JsonValues(JsonReader json) {
        this.json = json;
    }

    String string() throws IOException {
        switch (json.peek()) {
            case STRING, NUMBER:
                return json.nextString();
            case BOOLEAN:
                return Boolean.toString(json.nextBoolean());
            default:
                json.skipValue();
                return null;
        }
    }

    double number() throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NUMBER || token == JsonToken.STRING) {
            try {
                double d = Double.parseDouble(json.nextString());
                return Double.isFinite(d) ? d : 0;
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        json.skipValue();
        return 0;
    }

    /**
     * Counts and sizes: integers almost always, which gson reads without making a string or
     * parsing a double (three per user). Anything else goes the double way and is truncated.
     */
    long count() throws IOException {
        if (json.peek() == JsonToken.NUMBER) {
            try {
                return json.nextLong();
            } catch (NumberFormatException notAWholeLong) {
                // gson keeps the number for the next read when it is no long: 3.5, 1e30.
            }
        }
        return (long) number();
    }

    boolean bool() throws IOException {
        switch (json.peek()) {
            case BOOLEAN:
                return json.nextBoolean();
            case STRING:
                return Boolean.parseBoolean(json.nextString());
            case NUMBER:
                return json.nextDouble() != 0;
            default:
                json.skipValue();
                return false;
        }
    }

    List<String> strings() throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            return skipped();
        }
        List<String> list = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String s = string();
            if (s != null) {
                list.add(s);
            }
        }
        json.endArray();
        return Collections.unmodifiableList(list);
    }

    /** Skips a value of an unexpected type; the caller reads it as absent. */
    <T> T skipped() throws IOException {
        json.skipValue();
        return null;
    }
}
