package dev.migstatus.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Escapes, as JSON escapes (backslash-u and four hex digits), the characters gson writes raw but a terminal would obey: C1
 * controls, bidirectional overrides, line and paragraph separators. Outside JSON strings only
 * ASCII occurs, so the escapes always land inside a string and the document stays valid.
 */
public final class JsonSafeWriter extends FilterWriter {

    public JsonSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (needsEscape((char) c)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (needsEscape(buf[i])) {
                out.write(buf, start, i - start);
                out.write(String.format("\\u%04x", (int) buf[i]));
                start = i + 1;
            }
        }
        out.write(buf, start, end - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (needsEscape(s.charAt(i))) {
                out.write(s, start, i - start);
                out.write(String.format("\\u%04x", (int) s.charAt(i)));
                start = i + 1;
            }
        }
        out.write(s, start, end - start);
    }

    private static boolean needsEscape(char c) {
        return (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }
}
