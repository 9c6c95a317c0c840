package dev.migstatus.text;

/**
 * Makes server-supplied text safe to put on a terminal. A user name or an error from the portal
 * must not be able to move the cursor, retitle the window, clear the screen or reorder what is
 * shown, so C0/C1 control characters, DEL and bidirectional overrides are shown escaped
 * (as backslash-x1b, backslash-u202e) and lone surrogates become U+FFFD.
 */
public final class SafeText {

    private SafeText() {
    }

    /** For one line of output: line breaks and tabs become spaces. */
    public static String line(String s) {
        return clean(s, false);
    }

    /** For text that keeps its lines, such as a log: {@code \n} and tabs stay, CRLF becomes LF. */
    public static String lines(String s) {
        return clean(s, true);
    }

    private static String clean(String s, boolean keepLines) {
        if (s == null) {
            return "";
        }
        int i = firstUnsafe(s, keepLines);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keepLines && (c == '\n' || c == '\t')) {
                out.append(c);
            } else if (keepLines && c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            } else if (!keepLines && (c == '\n' || c == '\r' || c == '\t')) {
                out.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (isUnsafe(c)) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String s, boolean keepLines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (isUnsafe(c) || Character.isSurrogate(c)) {
                if (!(keepLines && (c == '\n' || c == '\t'))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** C0 and C1 controls, DEL, bidi controls and line separators: what a terminal would obey or reorder. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
