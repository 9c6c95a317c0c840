package dev.migstatus.docspace;

import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One string, number or literal of a JSON answer, scanned in place: where its bytes lie in the
 * buffer ({@link #start()} to {@link #end()}), whether they can be copied to the output as they
 * are, and its value when a reader wants it. {@link JsonBytes} adds the structure around them.
 */
abstract class JsonScanner extends JsonInput {

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

    int start;
    int end;
    boolean plain;
    private boolean ampersand;

    JsonScanner(InputStream in) {
        super(in);
    }

    /** The buffer the last string or number lies in, from {@link #start()} to {@link #end()}. */
    final byte[] buffer() {
        return buf;
    }

    final int start() {
        return start;
    }

    final int end() {
        return end;
    }

    /**
     * Whether the last string's bytes are its output as they are: printable ASCII other than the
     * quote and backslash, and well-formed UTF-8 of characters gson and the output leave alone;
     * for a number, whether it is a whole number that reads back as the same digits.
     */
    final boolean plain() {
        return plain;
    }

    /** Whether the last string holds an ampersand. */
    final boolean ampersand() {
        return ampersand;
    }

    /** The last string as gson reads it: decoded from UTF-8, escapes resolved. */
    final String decoded() throws MalformedJsonException {
        String raw = new String(buf, start, end - start, StandardCharsets.UTF_8);
        return plain ? raw : JsonStrings.unescape(raw);
    }

    /** Reads a string; its bytes, without the quotes, are from {@link #start()} to {@link #end()}. */
    final void string() throws IOException {
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
                int length = Utf8Sequences.length(buf[i]);
                if (i + length > limit) {
                    int moved = refill(tokenStart);
                    tokenStart -= moved;
                    i -= moved;
                }
                if (length == 0 || i + length > limit || !Utf8Sequences.copyable(buf, i, length)) {
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

    /**
     * Reads a number, checked against JSON's grammar; its text is from {@link #start()} to
     * {@link #end()}. Plain: up to 18 digits without a sign, fraction, exponent or leading zero.
     */
    final void number() throws IOException {
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
    final String numberText() {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code true}, {@code false} or {@code null}, as the first byte says. */
    final boolean literal() throws IOException {
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
}
