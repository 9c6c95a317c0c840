package dev.migstatus.docspace;

import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scalar values for the copying reader, read as {@link JsonValues} reads them over gson: of the
 * type DocSpace writes, or null for absent; any other type is the same
 * {@link UnexpectedTypeException}, naming the member as gson's path does. Strings and counts are
 * also copied as the report writes them, plain ones byte for byte.
 */
final class CopiedValues {

    private final JsonBytes json;

    CopiedValues(JsonBytes json) {
        this.json = json;
    }

    /** A string, or null. */
    String string() throws IOException {
        int kind = json.peek();
        if (kind == JsonBytes.STRING) {
            json.string();
            return json.decoded();
        }
        if (kind == JsonBytes.NULL) {
            json.literal();
            return null;
        }
        throw unexpected(kind, "a string");
    }

    /** Copies what {@link #string()} reads as the report writes it: the string, or {@code null}. */
    void copyString(ByteSink out) throws IOException {
        int kind = json.peek();
        if (kind != JsonBytes.STRING) {
            writeOrNull(string(), out);
            return;
        }
        json.string();
        if (json.plain()) {
            out.write('"');
            out.write(json.buffer(), json.start(), json.end() - json.start());
            out.write('"');
        } else {
            JsonStrings.write(json.decoded(), out);
        }
    }

    static void writeOrNull(String s, ByteSink out) {
        if (s == null) {
            out.writeAscii("null");
        } else {
            JsonStrings.write(s, out);
        }
    }

    /** Any finite number, or 0 for null. */
    double number() throws IOException {
        int kind = json.peek();
        if (kind == JsonBytes.NULL) {
            json.literal();
            return 0;
        }
        if (kind != JsonBytes.NUMBER) {
            throw unexpected(kind, "a number");
        }
        json.number();
        double d = Double.parseDouble(json.numberText());
        if (!Double.isFinite(d)) {
            // gson's nextDouble refuses it outright, failing the whole answer as garbled.
            throw new MalformedJsonException("JSON forbids NaN and infinities: " + d + " at path " + json.path());
        }
        return d;
    }

    /** A whole number of at least 0 ({@code 3}, {@code 3.0} and {@code 3e0} alike), or 0 for null. */
    long count() throws IOException {
        int kind = json.peek();
        if (kind == JsonBytes.NULL) {
            json.literal();
            return 0;
        }
        if (kind != JsonBytes.NUMBER) {
            throw unexpected(kind, "a whole number");
        }
        json.number();
        return numberCount();
    }

    /** The count of the number just read. */
    private long numberCount() throws UnexpectedTypeException {
        if (json.plain()) {
            return digits();
        }
        String text = json.numberText();
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException notALong) {
            double d = Double.parseDouble(text);
            n = (long) d;
            if (n != d) {
                throw new UnexpectedTypeException(json.path(), "a number that is not a whole one (" + text + ")", "a whole number");
            }
        }
        if (n < 0) {
            throw new UnexpectedTypeException(json.path(), "a negative number (" + n + ")", "a whole number of at least 0");
        }
        return n;
    }

    /** Copies a count as the report writes it: the digits themselves when they read back the same. */
    void copyCount(ByteSink out) throws IOException {
        if (json.peek() == JsonBytes.NUMBER) {
            json.number();
            if (json.plain()) {
                out.write(json.buffer(), json.start(), json.end() - json.start());
            } else {
                out.writeAscii(Long.toString(numberCount()));
            }
            return;
        }
        out.writeAscii(Long.toString(count()));
    }

    private long digits() {
        byte[] buf = json.buffer();
        long value = 0;
        for (int i = json.start(); i < json.end(); i++) {
            value = value * 10 + (buf[i] - '0');
        }
        return value;
    }

    /** true or false, or false for null. */
    boolean bool() throws IOException {
        int kind = json.peek();
        if (kind == JsonBytes.TRUE || kind == JsonBytes.FALSE) {
            return json.literal();
        }
        if (kind == JsonBytes.NULL) {
            json.literal();
            return false;
        }
        throw unexpected(kind, "true or false");
    }

    /** A list of strings, or null; every entry a string. */
    List<String> strings() throws IOException {
        if (!listStarts()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            int kind = json.peek();
            if (kind != JsonBytes.STRING) {
                throw unexpected(kind, "a string");
            }
            json.string();
            list.add(json.decoded());
        }
        json.endArray();
        return Collections.unmodifiableList(list);
    }

    /** Copies what {@link #strings()} reads as the report writes it; {@code []} for null. */
    void copyStrings(ByteSink out) throws IOException {
        out.write('[');
        if (listStarts()) {
            boolean first = true;
            json.beginArray();
            while (json.hasNext()) {
                int kind = json.peek();
                if (kind != JsonBytes.STRING) {
                    throw unexpected(kind, "a string");
                }
                if (!first) {
                    out.write(',');
                }
                first = false;
                copyString(out);
            }
            json.endArray();
        }
        out.write(']');
    }

    /** Whether a list begins here; false, with the null read, when the member is null. */
    boolean listStarts() throws IOException {
        return opens(JsonBytes.ARRAY, "a list");
    }

    /** Whether an object begins here; false, with the null read, when the member is null. */
    boolean objectStarts() throws IOException {
        return opens(JsonBytes.OBJECT, "an object");
    }

    private boolean opens(int begin, String expected) throws IOException {
        int kind = json.peek();
        if (kind == begin) {
            return true;
        }
        if (kind == JsonBytes.NULL) {
            json.literal();
            return false;
        }
        throw unexpected(kind, expected);
    }

    /** The value about to be read is not of the type expected. */
    UnexpectedTypeException unexpected(int kind, String expected) {
        return new UnexpectedTypeException(json.path(), describe(kind), expected);
    }

    private static String describe(int kind) {
        return switch (kind) {
            case JsonBytes.STRING -> "a string";
            case JsonBytes.NUMBER -> "a number";
            case JsonBytes.TRUE, JsonBytes.FALSE -> "true or false";
            case JsonBytes.NULL -> "null";
            case JsonBytes.OBJECT -> "an object";
            default -> "a list";
        };
    }
}
