package dev.migstatus.docspace;

import java.nio.charset.StandardCharsets;

/**
 * Member names a copying reader looks for, as bytes and as text. Each reader has its own: it
 * remembers where the last match was, as members mostly come in the same order object after object.
 */
final class MemberNames {

    private final String[] text;
    private final byte[][] bytes;
    /** The index after the last one found. */
    private int next;

    MemberNames(String... names) {
        this.text = names;
        this.bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    String text(int index) {
        return text[index];
    }

    /** Which name is {@code buf[start, end)}, or -1: the one after the last match is tried first. */
    int indexOf(byte[] buf, int start, int end) {
        int expected = next;
        if (expected < bytes.length && same(bytes[expected], buf, start, end)) {
            next = expected + 1;
            return expected;
        }
        for (int k = 0; k < bytes.length; k++) {
            if (same(bytes[k], buf, start, end)) {
                next = k + 1;
                return k;
            }
        }
        return -1;
    }

    /** Which name this is, or -1; for a name that had escapes, decoded. */
    int indexOf(String name) {
        for (int k = 0; k < text.length; k++) {
            if (text[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean same(byte[] name, byte[] buf, int start, int end) {
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
}
