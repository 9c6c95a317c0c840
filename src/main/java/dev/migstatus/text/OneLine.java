package dev.migstatus.text;

/** Text from a server or the JDK, fit for one line of a message: whitespace folded, length bounded. */
public final class OneLine {

    private static final int MAX = 200;

    private OneLine() {
    }

    public static String of(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > MAX ? line.substring(0, MAX - 1) + "…" : line;
    }
}
