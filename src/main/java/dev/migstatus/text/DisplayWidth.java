package dev.migstatus.text;

/**
 * How many terminal columns text takes: wide East Asian characters and emoji take two, combining
 * marks and format characters none. Column alignment and cutting at the terminal's edge depend on it.
 * The widths come from Unicode's own data ({@link UnicodeWidths}, ICU), loaded only when text
 * holds a character beyond the Latin letters, which all take one column.
 */
public final class DisplayWidth {

    /**
     * Below U+0300 (combining marks start there) every character takes one column: ASCII, Latin-1
     * and the Latin extensions are narrow or neutral in East Asian Width, none is an emoji presented
     * as one, none combines. A test holds this against the Unicode data.
     */
    static final int ALL_NARROW_BELOW = 0x300;

    private DisplayWidth() {
    }

    public static int of(String s) {
        if (narrowOnly(s)) {
            return s.length();
        }
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            width += UnicodeWidths.of(cp, next < s.length() ? s.codePointAt(next) : -1);
            i = next;
        }
        return width;
    }

    /** Cuts {@code s} to at most {@code width} columns, ending in "…" when it had to cut. */
    public static String fit(String s, int width) {
        if (of(s) <= width) {
            return s;
        }
        if (width <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            int w = cp < ALL_NARROW_BELOW ? 1 : UnicodeWidths.of(cp, next < s.length() ? s.codePointAt(next) : -1);
            if (used + w > width - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i = next;
        }
        return out.append('…').toString();
    }

    /** Pads with spaces to {@code width} columns, on the right or, for numbers, on the left. */
    public static String pad(String s, int width, boolean right) {
        int gap = width - of(s);
        if (gap <= 0) {
            return s;
        }
        String spaces = " ".repeat(gap);
        return right ? spaces + s : s + spaces;
    }

    private static boolean narrowOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= ALL_NARROW_BELOW) {
                return false;
            }
        }
        return true;
    }
}
