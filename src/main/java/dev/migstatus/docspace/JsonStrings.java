package dev.migstatus.docspace;

import dev.migstatus.text.SafeText;

import com.google.gson.stream.MalformedJsonException;

/**
 * JSON strings the way migstatus reads and writes them, for the copying reader: escapes resolved
 * as gson's {@code JsonReader} resolves them, and text escaped as gson's {@code JsonWriter} (HTML
 * escaping off) followed by the report's {@code JsonSafeWriter} escape it, then UTF-8 encoded as
 * an {@code OutputStreamWriter} does (a lone surrogate becomes {@code ?}). A test holds these
 * equal for every character.
 */
final class JsonStrings {

    /** For characters below 128: what replaces them, or null. */
    private static final String[] ASCII = new String[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII[c] = hex(c);
        }
        ASCII['"'] = "\\\"";
        ASCII['\\'] = "\\\\";
        ASCII['\t'] = "\\t";
        ASCII['\b'] = "\\b";
        ASCII['\n'] = "\\n";
        ASCII['\r'] = "\\r";
        ASCII['\f'] = "\\f";
        ASCII[0x7f] = hex(0x7f);
    }

    private JsonStrings() {
    }

    private static String hex(int c) {
        String digits = Integer.toHexString(c);
        return "\\u" + "0000".substring(digits.length()) + digits;
    }

    /** Whether the output shows this code point escaped rather than as it is. */
    static boolean escapedInOutput(int codePoint) {
        if (codePoint < 0x80) {
            return ASCII[codePoint] != null;
        }
        return codePoint <= 0xffff && SafeText.isUnsafe((char) codePoint);
    }

    /** The text between a string's quotes, escapes resolved as gson resolves them (its default strictness). */
    static String unescape(String raw) throws MalformedJsonException {
        int slash = raw.indexOf('\\');
        if (slash < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        out.append(raw, 0, slash);
        int i = slash;
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= raw.length()) {
                throw new MalformedJsonException("Unterminated escape sequence");
            }
            char e = raw.charAt(i++);
            switch (e) {
                case 'u' -> {
                    if (i + 4 > raw.length()) {
                        throw new MalformedJsonException("Unterminated escape sequence");
                    }
                    int value = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = hexDigit(raw.charAt(i + k));
                        if (digit < 0) {
                            throw new MalformedJsonException("Malformed Unicode escape \\u" + raw.substring(i, i + 4));
                        }
                        value = (value << 4) | digit;
                    }
                    i += 4;
                    out.append((char) value);
                }
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case '\n', '\'', '"', '\\', '/' -> out.append(e);
                default -> throw new MalformedJsonException("Invalid escape sequence");
            }
        }
        return out.toString();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Writes {@code s} as a JSON string, quotes included, in UTF-8. */
    static void write(String s, ByteSink out) {
        out.write('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                String replacement = ASCII[c];
                if (replacement == null) {
                    out.write(c);
                } else {
                    out.writeAscii(replacement);
                }
            } else if (c < 0x800) {
                if (SafeText.isUnsafe(c)) {
                    out.writeAscii(hex(c));
                } else {
                    out.write(0xc0 | (c >> 6));
                    out.write(0x80 | (c & 0x3f));
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else if (SafeText.isUnsafe(c)) {
                out.writeAscii(hex(c));
            } else {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
        out.write('"');
    }

    /** Whether {@code bytes[start, end)} is a number as JSON writes them. */
    static boolean isJsonNumber(byte[] bytes, int start, int end) {
        int i = start;
        if (i < end && bytes[i] == '-') {
            i++;
        }
        if (i >= end) {
            return false;
        }
        if (bytes[i] == '0') {
            i++;
        } else if (isDigit(bytes[i])) {
            i = afterDigits(bytes, i, end);
        } else {
            return false;
        }
        if (i < end && bytes[i] == '.') {
            int digits = i + 1;
            i = afterDigits(bytes, digits, end);
            if (i == digits) {
                return false;
            }
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int digits = i;
            i = afterDigits(bytes, digits, end);
            if (i == digits) {
                return false;
            }
        }
        return i == end;
    }

    /** Where the run of digits from {@code i} ends. */
    private static int afterDigits(byte[] bytes, int i, int end) {
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
