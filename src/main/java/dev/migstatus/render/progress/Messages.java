package dev.migstatus.render.progress;

import dev.migstatus.render.Style;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;

/**
 * One-line notices and errors on stderr, prefixed {@code migstatus:}. A line drawn in place on
 * the same terminal is taken down first, so that the two never mix on one row.
 */
public final class Messages {

    private final PrintWriter err;
    private final Style style;
    private ProgressView view = ProgressView.NONE;

    public Messages(PrintWriter err, Style style) {
        this.err = err;
        this.style = style;
    }

    /** The display to take down before each message. */
    public void showOver(ProgressView view) {
        this.view = view;
    }

    public void error(String message) {
        print(style.red("migstatus: " + SafeText.line(message)));
    }

    public void warning(String message) {
        print(style.yellow("migstatus: " + SafeText.line(message)));
    }

    public void info(String message) {
        print("migstatus: " + SafeText.line(message));
    }

    private void print(String line) {
        view.clear();
        err.println(line);
        err.flush();
        view.restore();
    }
}
