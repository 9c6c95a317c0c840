package dev.migstatus.text;

/**
 * How much of one string from the server is kept: names, e-mails, errors, messages and log lines
 * are far shorter than this, and a hostile answer that is one string of 100 MB must cost memory
 * for this much only. Strings are cut where they are read, before anything holds them whole.
 */
public final class Cut {

    /** Characters kept of one server string. */
    public static final int MAX_CHARS = 4096;

    private Cut() {
    }

    /** What stands where the rest was: {@code … (104,857,600 bytes cut)}. */
    public static String note(long bytesCut) {
        return "… (" + Formats.count(bytesCut, "byte", "bytes") + " cut)";
    }

    /** The bytes {@code c} takes in UTF-8; half of a surrogate pair counts for half of its four. */
    public static int utf8Length(char c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
}
