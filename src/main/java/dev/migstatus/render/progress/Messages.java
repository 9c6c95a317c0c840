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
    private final String prefix;
    /** The messages this one speaks for a part of, sharing its display; null for the run's own. */
    private final Messages whole;
    private ProgressView view = ProgressView.NONE;

    public Messages(PrintWriter err, Style style) {
        this(err, style, "migstatus: ", null);
    }

    private Messages(PrintWriter err, Style style, String prefix, Messages whole) {
        this.err = err;
        this.style = style;
        this.prefix = prefix;
        this.whole = whole;
    }

    /** Messages about one portal of a fleet: {@code migstatus: berlin: …}, over the same display. */
    public Messages about(String portal) {
        return new Messages(err, style, prefix + SafeText.line(portal) + ": ", this);
    }

    /** The display to take down before each message. */
    public void showOver(ProgressView view) {
        this.view = view;
    }

    public void error(String message) {
        print(style.red(prefix + SafeText.line(message)));
    }

    public void warning(String message) {
        print(style.yellow(prefix + SafeText.line(message)));
    }

    public void info(String message) {
        print(prefix + SafeText.line(message));
    }

    private void print(String line) {
        ProgressView shown = whole != null ? whole.view : view;
        shown.clear();
        err.println(line);
        err.flush();
        shown.restore();
    }
}
