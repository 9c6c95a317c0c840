package dev.migstatus.docspace;

/**
 * Multi-byte UTF-8 in a string's bytes, checked before the bytes are copied to the output as they
 * are: only a well-formed sequence for a character that neither gson nor the output escapes may be.
 */
final class Utf8Sequences {

    private Utf8Sequences() {
    }

    /** How many bytes the sequence this byte leads takes: 2 to 4, or 0 when it leads none. */
    static int length(byte lead) {
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

    /** Whether {@code bytes[i, i + length)} is a well-formed sequence for a character that neither gson nor the output escapes. */
    static boolean copyable(byte[] bytes, int i, int length) {
        int cp = bytes[i] & 0xff;
        cp &= length == 2 ? 0x1f : length == 3 ? 0x0f : 0x07;
        for (int k = 1; k < length; k++) {
            int b = bytes[i + k] & 0xff;
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
}
