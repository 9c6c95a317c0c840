package dev.migstatus.cli;

import java.util.function.IntSupplier;

/**
 * What migstatus knows about where its standard streams go.
 *
 * @param interactive      stdout is a terminal a person watches: progress is drawn in place there
 * @param errInteractive   stderr is a terminal: messages there may be coloured
 * @param inputInteractive stdin is a terminal: nothing will arrive on it unless someone types
 * @param columns          the width stdout's text is laid out for: the terminal's, or $COLUMNS or 80
 *                         for a file or a pipe; asked only when needed, and again as the terminal is resized
 * @param rows             its height, for a fleet's board of rows; asked only when needed
 * @param errColumns       the width of the terminal stderr goes to, for progress drawn there
 */
public record Terminal(boolean interactive, boolean errInteractive, boolean inputInteractive, IntSupplier columns,
                       IntSupplier rows, IntSupplier errColumns) {

    public static final int DEFAULT_COLUMNS = 80;
    public static final int DEFAULT_ROWS = 24;

    /** A terminal of the usual height, stderr as wide as stdout. */
    public Terminal(boolean interactive, boolean errInteractive, boolean inputInteractive, IntSupplier columns) {
        this(interactive, errInteractive, inputInteractive, columns, () -> DEFAULT_ROWS);
    }

    /** Stderr as wide as stdout. */
    public Terminal(boolean interactive, boolean errInteractive, boolean inputInteractive, IntSupplier columns, IntSupplier rows) {
        this(interactive, errInteractive, inputInteractive, columns, rows, columns);
    }

    public static Terminal pipe() {
        return new Terminal(false, false, false, () -> DEFAULT_COLUMNS);
    }
}
