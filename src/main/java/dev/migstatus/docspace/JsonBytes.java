package dev.migstatus.docspace;

import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict JSON read from UTF-8 bytes, for {@link StatusCopier}: a pull reader that hands out each
 * string as the bytes between its quotes and says whether they can be copied to the output as
 * they are, so that a 35 MB status is copied without a char or a String for most of its values.
 * It accepts what gson's {@code JsonReader} accepts in its default strictness (raw control
 * characters and {@code \'} in strings; at most {@value #NESTING_LIMIT} nested containers) and
 * throws gson's {@link MalformedJsonException} for the rest, so that both readers fail alike.
 *
 * <p>Positions ({@link #start()}, {@link #end()}) stay valid until the next call that reads.
 */
final class JsonBytes {

    static final int NESTING_LIMIT = 255;

    /** Kinds of value, from their first byte. */
    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int NULL = 7;

    /**
     * What a byte means inside a string: 0 printable ASCII, copied as it is; 1 the closing quote;
     * 2 a backslash or control character, which gson unescapes or escapes; 3 a byte of a
     * multi-byte UTF-8 sequence, checked before it is copied; 4 an ampersand, which is noted
     * (a display name with one is HTML-decoded).
     */
    private static final byte[] IN_STRING = new byte[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            IN_STRING[b] = 2;
        }
        IN_STRING['"'] = 1;
        IN_STRING['\\'] = 2;
        IN_STRING['&'] = 4;
        for (int b = 0x80; b < 0x100; b++) {
            IN_STRING[b] = 3;
        }
    }

    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    /** Bytes dropped from the front of the buffer so far: for the offset in error messages. */
    private long dropped;
    /** Per open container: whether a member or element has been read yet. */
    private final boolean[] started = new boolean[NESTING_LIMIT + 1];
    /** Per open container, for {@link #path()}: whether it is a list, its element's index, its member's name if known. */
    private final boolean[] isList = new boolean[NESTING_LIMIT + 1];
    private final int[] index = new int[NESTING_LIMIT + 1];
    private final String[] memberName = new String[NESTING_LIMIT + 1];
    private int depth;
    /** Where a captured value starts, kept in the buffer while it is read; -1 when nothing is captured. */
    private int mark = -1;
    private int start;
    private int end;
    private boolean plain;
    private boolean ampersand;

    JsonBytes(InputStream in) {
        this.in = in;
    }

    /** The buffer the last string or number lies in, from {@link #start()} to {@link #end()}. */
    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /**
     * Whether the last string's bytes are its output as they are: printable ASCII other than the
     * quote and backslash, and well-formed UTF-8 of characters gson and the output leave alone;
     * for a number, whether it is a whole number that reads back as the same digits.
     */
    boolean plain() {
        return plain;
    }

    /** Whether the last string holds an ampersand. */
    boolean ampersand() {
        return ampersand;
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
        if (nextNonBlank() != bracket) {
            throw syntax("Expected " + bracket);
        }
        if (depth >= NESTING_LIMIT) {
            throw syntax("Nesting limit " + NESTING_LIMIT + " reached");
        }
        pos++;
        started[++depth] = false;
        isList[depth] = bracket == '[';
        index[depth] = 0;
        memberName[depth] = null;
    }

    /** Whether the open object or array has another member or element; consumes the comma before it. */
    boolean hasNext() throws IOException {
        int c = nextNonBlank();
        if (c == '}' || c == ']') {
            return false;
        }
        if (started[depth]) {
            if (c != ',') {
                throw syntax("Unterminated object or array");
            }
            pos++;
            index[depth]++;
        }
        started[depth] = true;
        memberName[depth] = null;
        return true;
    }

    void endObject() throws IOException {
        close('}');
    }

    void endArray() throws IOException {
        close(']');
    }

    private void close(char bracket) throws IOException {
        if (nextNonBlank() != bracket) {
            throw syntax("Expected " + bracket);
        }
        pos++;
        depth--;
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

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The last string as gson reads it: decoded from UTF-8, escapes resolved. */
    String decoded() throws MalformedJsonException {
        String raw = new String(buf, start, end - start, StandardCharsets.UTF_8);
        return plain ? raw : JsonStrings.unescape(raw);
    }

    /** Reads a string; its bytes, without the quotes, are from {@link #start()} to {@link #end()}. */
    void string() throws IOException {
        if (nextNonBlank() != '"') {
            throw syntax("Expected a string");
        }
        int tokenStart = pos;
        int i = pos + 1;
        boolean isPlain = true;
        boolean sawAmpersand = false;
        while (true) {
            if (i >= limit) {
                int moved = refill(tokenStart);
                tokenStart -= moved;
                i -= moved;
                if (i >= limit) {
                    throw syntax("Unterminated string");
                }
            }
            int kind = IN_STRING[buf[i] & 0xff];
            if (kind == 0) {
                i++;
            } else if (kind == 1) {
                break;
            } else if (kind == 4) {
                sawAmpersand = true;
                i++;
            } else if (kind == 2) {
                isPlain = false;
                if (buf[i] == '\\') {
                    // The escaped character may be a quote: step over it, wherever the buffer ends.
                    if (i + 1 >= limit) {
                        int moved = refill(tokenStart);
                        tokenStart -= moved;
                        i -= moved;
                        if (i + 1 >= limit) {
                            throw syntax("Unterminated escape sequence");
                        }
                    }
                    i += 2;
                } else {
                    i++;
                }
            } else {
                // kind 3
                int length = sequenceLength(buf[i]);
                if (i + length > limit) {
                    int moved = refill(tokenStart);
                    tokenStart -= moved;
                    i -= moved;
                }
                if (length == 0 || i + length > limit || !copyable(i, length)) {
                    // Malformed or a character the output escapes: decoded the slow way; the
                    // closing quote is still found byte by byte, as UTF-8 never hides a quote.
                    isPlain = false;
                    i++;
                } else {
                    i += length;
                }
            }
        }
        start = tokenStart + 1;
        end = i;
        plain = isPlain;
        ampersand = sawAmpersand;
        pos = i + 1;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xff;
        if (b >= 0xc2 && b <= 0xdf) {
            return 2;
        }
        if (b >= 0xe0 && b <= 0xef) {
            return 3;
        }
        if (b >= 0xf0 && b <= 0xf4) {
            return 4;
        }
        return 0;
    }

    /** A well-formed sequence for a character that neither gson nor the output escapes. */
    private boolean copyable(int i, int length) {
        int cp = buf[i] & 0xff;
        cp &= length == 2 ? 0x1f : length == 3 ? 0x0f : 0x07;
        for (int k = 1; k < length; k++) {
            int b = buf[i + k] & 0xff;
            if ((b & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (b & 0x3f);
        }
        if (length == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) {
            return false;
        }
        if (length == 4 && (cp < 0x10000 || cp > 0x10ffff)) {
            return false;
        }
        return !JsonStrings.escapedInOutput(cp);
    }

    /**
     * Reads a number, checked against JSON's grammar; its text is from {@link #start()} to
     * {@link #end()}. Plain: up to 18 digits without a sign, fraction, exponent or leading zero.
     */
    void number() throws IOException {
        nextNonBlank();
        int tokenStart = pos;
        int i = pos;
        boolean digitsOnly = true;
        while (true) {
            if (i >= limit) {
                int moved = refill(tokenStart);
                tokenStart -= moved;
                i -= moved;
                if (i >= limit) {
                    break;
                }
            }
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                i++;
            } else if (b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
                digitsOnly = false;
                i++;
            } else {
                break;
            }
        }
        start = tokenStart;
        end = i;
        pos = i;
        int digits = end - start;
        // Most numbers are counts: digits without a leading zero need no more checking.
        plain = digitsOnly && digits <= 18 && (digits == 1 || buf[start] != '0');
        if (!plain && !JsonStrings.isJsonNumber(buf, start, end)) {
            throw syntax("Malformed number");
        }
        afterValue();
    }

    /** The last number's text. */
    String numberText() {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code true}, {@code false} or {@code null}, as {@link #peek()} said. */
    boolean literal() throws IOException {
        int c = nextNonBlank();
        String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        ensure(word.length() + 1);
        for (int k = 0; k < word.length(); k++) {
            if (pos + k >= limit || buf[pos + k] != word.charAt(k)) {
                throw syntax("Unexpected value");
            }
        }
        pos += word.length();
        afterValue();
        return c == 't';
    }

    /** A literal or number must not run into letters ({@code truex}, {@code 1a}): gson reads those as one bad word. */
    private void afterValue() throws IOException {
        ensure(1);
        if (pos < limit) {
            byte b = buf[pos];
            if (!(b == ',' || b == '}' || b == ']' || b == ':' || b == ' ' || b == '\t' || b == '\n' || b == '\r')) {
                throw syntax("Unexpected character after a value");
            }
        }
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

    /**
     * Which of {@code names} the last name read is, or -1: compared byte by byte, or decoded
     * when the name has escapes, as gson would compare it.
     */
    int nameIndex(Names names) throws MalformedJsonException {
        int found = find(names);
        memberName[depth] = found < 0 ? null : names.text[found];
        return found;
    }

    private int find(Names names) throws MalformedJsonException {
        if (!plain) {
            return names.indexOf(decoded());
        }
        // Members mostly come in the same order, object after object: the one after the last match first.
        int expected = names.next;
        if (expected < names.bytes.length && isName(names.bytes[expected])) {
            names.next = expected + 1;
            return expected;
        }
        for (int k = 0; k < names.bytes.length; k++) {
            if (isName(names.bytes[k])) {
                names.next = k + 1;
                return k;
            }
        }
        return -1;
    }

    /**
     * Where the reader stands, as gson's {@code getPath()} says it ({@code $.response.parseResult.users[3].email}),
     * for a member found by {@link #nameIndex} and the lists and objects around it.
     */
    String path() {
        StringBuilder path = new StringBuilder("$");
        for (int d = 1; d <= depth; d++) {
            if (isList[d]) {
                path.append('[').append(index[d]).append(']');
            } else if (memberName[d] != null) {
                path.append('.').append(memberName[d]);
            }
        }
        return path.toString();
    }

    private boolean isName(byte[] name) {
        int n = end - start;
        if (name.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Member names looked for, as bytes and as text; each reader has its own, as it remembers where it is. */
    static final class Names {
        private final String[] text;
        private final byte[][] bytes;
        /** The index after the last one found. */
        private int next;

        Names(String... names) {
            this.text = names;
            this.bytes = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            }
        }

        int indexOf(String name) {
            for (int k = 0; k < text.length; k++) {
                if (text[k].equals(name)) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** Checks that nothing but blanks follows the document. */
    void endDocument() throws IOException {
        if (nextNonBlank() != -1) {
            throw syntax("More than one JSON value in the answer");
        }
    }

    /**
     * The next byte that is not a blank, without consuming it; -1 at the end. Bytes before it are
     * no longer needed, so this is where the buffer is refilled.
     */
    private int nextNonBlank() throws IOException {
        while (true) {
            while (pos < limit) {
                byte b = buf[pos];
                if (isBlank(b)) {
                    pos++;
                } else {
                    return b & 0xff;
                }
            }
            if (eof) {
                return -1;
            }
            refill(pos);
        }
    }

    /** Makes sure {@code n} bytes from {@code pos} are in the buffer, unless the input ends first. */
    private void ensure(int n) throws IOException {
        while (pos + n > limit && !eof) {
            refill(pos);
        }
    }

    /**
     * Drops the bytes before {@code keepFrom}, reads more, and returns how far the kept bytes moved
     * to the front. A token longer than the buffer makes it grow.
     */
    private int refill(int keepFrom) throws IOException {
        if (eof) {
            return 0;
        }
        if (mark >= 0 && mark < keepFrom) {
            keepFrom = mark;
        }
        int moved = keepFrom;
        if (moved > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
            pos -= keepFrom;
            dropped += keepFrom;
            if (mark >= 0) {
                mark -= keepFrom;
            }
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return moved;
    }

    MalformedJsonException syntax(String what) {
        return new MalformedJsonException(what + " at byte " + (dropped + pos + 1));
    }
}
