package dev.migstatus.notify;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code --notify}: the bell and a desktop notification sent through the terminal, for a user who
 * left a long watch in another window. OSC 9 (iTerm2, WezTerm, Windows Terminal, kitty, Ghostty)
 * and OSC 777 (VTE terminals such as GNOME Terminal, foot, urxvt) are both sent: a terminal
 * ignores an OSC it does not know. Only to a terminal: in a pipe or a file they would be garbage.
 */
public final class TerminalNotification {

    /** A watch shorter than this ended while the user was still looking: no need to call them back. */
    public static final Duration MIN_RUN = Duration.ofMinutes(1);
    /** Desktop notifications show a line or two; a whole report would be cut anyway. */
    static final int MAX_TEXT = 240;

    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';

    private TerminalNotification() {
    }

    /** Whether a watch that ran this long, with a terminal to tell or not, calls the user back. */
    public static boolean due(Duration ran, boolean toTerminal) {
        return toTerminal && ran.compareTo(MIN_RUN) >= 0;
    }

    /**
     * Writes the notification. The caller has checked {@link #due}: {@code terminal} is a terminal.
     *
     * @param title short, e.g. the portal's name
     * @param text  the sentence that ended the watch
     */
    public static void send(PrintWriter terminal, String title, String text) {
        String body = clean(text);
        // OSC 777 separates its fields with ';': one in the title would cut the notification short.
        String heading = clean(title).replace(';', ',');
        terminal.print(ESC + "]9;" + heading + ": " + body + BEL);
        terminal.print(ESC + "]777;notify;" + heading + ";" + body.replace(';', ',') + BEL);
        terminal.print(BEL);
        terminal.flush();
    }

    /**
     * No control characters: an ESC or BEL from server text would end the sequence early and make
     * the rest a command to the terminal.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints()
                .map(c -> invisible(c) ? ' ' : c)
                .forEach(out::appendCodePoint);
        String line = out.toString().strip();
        if (line.length() <= MAX_TEXT) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
        return line.substring(0, cut) + "…";
    }

    /** Controls, and the characters that reorder or break a line without being seen. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
