package dev.migstatus.docspace;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scalar members of a status, read as the type DocSpace writes them and nothing else: no string is
 * read as a number or a boolean, no number as a string. A member that is {@code null} reads as
 * absent (null, 0, false); any other type is an {@link UnexpectedTypeException}, because reading
 * "no failure" out of a value migstatus does not understand would pass a failed migration.
 */
final class JsonValues {

    private final JsonReader json;

    JsonValues(JsonReader json) {
        this.json = json;
    }

    /** A string, or null. */
    String string() throws IOException {
        return switch (json.peek()) {
            case STRING -> json.nextString();
            case NULL -> absent();
            default -> throw unexpected("a string");
        };
    }

    /** Any finite number (progress), or 0 for null. */
    double number() throws IOException {
        switch (json.peek()) {
            case NUMBER:
                double d = json.nextDouble();
                if (!Double.isFinite(d)) {
                    throw new UnexpectedTypeException(json.getPath(), "a number too large to be one", "a number");
                }
                return d;
            case NULL:
                json.nextNull();
                return 0;
            default:
                throw unexpected("a number");
        }
    }

    /**
     * A count or a size: a whole number of at least 0 ({@code 3}, {@code 3.0} and {@code 3e0} alike), or 0 for null.
     * gson reads an integer without making a string or parsing a double (three per user).
     */
    long count() throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return 0;
        }
        if (token != JsonToken.NUMBER) {
            throw unexpected("a whole number");
        }
        String path = json.getPath();
        long n;
        try {
            n = json.nextLong();
        } catch (NumberFormatException notAWholeLong) {
            throw new UnexpectedTypeException(path, "a number that is not a whole one (" + json.nextString() + ")", "a whole number");
        }
        if (n < 0) {
            throw new UnexpectedTypeException(path, "a negative number (" + n + ")", "a whole number of at least 0");
        }
        return n;
    }

    /** true or false, or false for null. */
    boolean bool() throws IOException {
        return switch (json.peek()) {
            case BOOLEAN -> json.nextBoolean();
            case NULL -> {
                json.nextNull();
                yield false;
            }
            default -> throw unexpected("true or false");
        };
    }

    /** A list of strings, or null; every entry a string. */
    List<String> strings() throws IOException {
        if (!listStarts()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.STRING) {
                throw unexpected("a string");
            }
            list.add(json.nextString());
        }
        json.endArray();
        return Collections.unmodifiableList(list);
    }

    /** Whether a list begins here; false, with the null read, when the member is null. */
    boolean listStarts() throws IOException {
        return opens(JsonToken.BEGIN_ARRAY, "a list");
    }

    /** Whether an object begins here; false, with the null read, when the member is null. */
    boolean objectStarts() throws IOException {
        return opens(JsonToken.BEGIN_OBJECT, "an object");
    }

    private boolean opens(JsonToken begin, String expected) throws IOException {
        JsonToken token = json.peek();
        if (token == begin) {
            return true;
        }
        if (token == JsonToken.NULL) {
            json.nextNull();
            return false;
        }
        throw unexpected(expected);
    }

    /** Reads a null member: absent. */
    <T> T absent() throws IOException {
        json.nextNull();
        return null;
    }

    /** The value about to be read is not of the type expected. */
    UnexpectedTypeException unexpected(String expected) throws IOException {
        return new UnexpectedTypeException(json.getPath(), describe(json.peek()), expected);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "a list";
            default -> token.toString();
        };
    }
}
