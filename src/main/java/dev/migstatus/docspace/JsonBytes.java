package dev.migstatus.docspace;

import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON read from UTF-8 bytes, for {@link StatusCopier}: a pull reader that hands out each
 * string as the bytes between its quotes and says whether they can be copied to the output as
 * they are, so that a 35 MB status is copied without a char or a String for most of its values.
 * It accepts what gson's {@code JsonReader} accepts in its default strictness (raw control
 * characters and {@code \'} in strings; at most {@value OpenContainers#NESTING_LIMIT} nested
 * containers) and throws gson's {@link MalformedJsonException} for the rest, so that both readers
 * fail alike.
 *
 * <p>Three layers, one object: {@link JsonInput} holds the bytes, {@link JsonScanner} reads one
 * string, number or literal in place, and this class the structure around them (objects, arrays,
 * names, skipping). Positions ({@link #start()}, {@link #end()}) stay valid until the next call
 * that reads.
 */
final class JsonBytes extends JsonScanner {

    /** Kinds of value, from their first byte. */
    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int NULL = 7;

    private final OpenContainers containers = new OpenContainers();

    JsonBytes(InputStream in) {
        super(in);
    }

    /** The kind of the next value. */
    int peek() throws IOException {
        int c = nextNonBlank();
        switch (c) {
            case '{':
                return OBJECT;
            case '[':
                return ARRAY;
            case '"':
                return STRING;
            case 't':
                return TRUE;
            case 'f':
                return FALSE;
            case 'n':
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return NUMBER;
                }
                throw syntax(c == -1 ? "End of input" : "Unexpected character");
        }
    }

    void beginObject() throws IOException {
        open('{');
    }

    void beginArray() throws IOException {
        open('[');
    }

    private void open(char bracket) throws IOException {
        expect(bracket);
        if (containers.full()) {
            throw syntax("Nesting limit " + OpenContainers.NESTING_LIMIT + " reached");
        }
        pos++;
        containers.open(bracket == '[');
    }

    /** Whether the open object or array has another member or element; consumes the comma before it. */
    boolean hasNext() throws IOException {
        int c = nextNonBlank();
        if (c == '}' || c == ']') {
            return false;
        }
        if (containers.started()) {
            if (c != ',') {
                throw syntax("Unterminated object or array");
            }
            pos++;
        }
        containers.next();
        return true;
    }

    void endObject() throws IOException {
        close('}');
    }

    void endArray() throws IOException {
        close(']');
    }

    private void close(char bracket) throws IOException {
        expect(bracket);
        pos++;
        containers.close();
    }

    private void expect(char bracket) throws IOException {
        if (nextNonBlank() != bracket) {
            throw syntax("Expected " + bracket);
        }
    }

    /** Reads a member's name and the colon after it; the name is a string read as by {@link #string()}. */
    void name() throws IOException {
        if (nextNonBlank() != '"') {
            throw syntax("Expected a name");
        }
        string();
        // Up to the colon, the name is kept in the buffer.
        while (true) {
            while (pos < limit && isBlank(buf[pos])) {
                pos++;
            }
            if (pos < limit || eof) {
                break;
            }
            int moved = refill(start - 1);
            start -= moved;
            end -= moved;
        }
        if (pos >= limit || buf[pos] != ':') {
            throw syntax("Expected ':'");
        }
        pos++;
    }

    /**
     * Which of {@code names} the last name read is, or -1: compared byte by byte, or decoded
     * when the name has escapes, as gson would compare it.
     */
    int nameIndex(MemberNames names) throws MalformedJsonException {
        int found = plain ? names.indexOf(buf, start, end) : names.indexOf(decoded());
        containers.named(found < 0 ? null : names.text(found));
        return found;
    }

    /**
     * Where the reader stands, as gson's {@code getPath()} says it ({@code $.response.parseResult.users[3].email}),
     * for a member found by {@link #nameIndex} and the lists and objects around it.
     */
    String path() {
        return containers.path();
    }

    /** Skips the next value, whatever it is, checking its syntax. */
    void skipValue() throws IOException {
        int kind = peek();
        switch (kind) {
            case OBJECT -> {
                beginObject();
                while (hasNext()) {
                    name();
                    skipValue();
                }
                endObject();
            }
            case ARRAY -> {
                beginArray();
                while (hasNext()) {
                    skipValue();
                }
                endArray();
            }
            case STRING -> string();
            case NUMBER -> number();
            default -> literal();
        }
    }

    /** The next value's text as it stands in the answer, for a reader that wants it whole (small values only). */
    String capture() throws IOException {
        nextNonBlank();
        mark = pos;
        try {
            skipValue();
            return new String(buf, mark, pos - mark, StandardCharsets.UTF_8);
        } finally {
            mark = -1;
        }
    }

    /** Checks that nothing but blanks follows the document. */
    void endDocument() throws IOException {
        if (nextNonBlank() != -1) {
            throw syntax("More than one JSON value in the answer");
        }
    }
}
