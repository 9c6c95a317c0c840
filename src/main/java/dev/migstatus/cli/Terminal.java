package dev.migstatus.cli;

import java.util.function.IntSupplier;

/**
 * What migstatus knows about where its standard streams go.
 *
 * @param interactive      stdout is a terminal a person watches: progress is drawn in place there
 * @param errInteractive   stderr is a terminal: messages there may be coloured
 * @param inputInteractive stdin is a terminal: nothing will arrive on it unless someone types
 * @param columns          the terminal's width, asked only when needed
 * @param rows             its height, for a fleet's board of rows; asked only when needed
 */
public record Terminal(boolean interactive, boolean errInteractive, boolean inputInteractive, IntSupplier columns,
                       IntSupplier rows) {

    public static final int DEFAULT_COLUMNS = 80;
    public static final int DEFAULT_ROWS = 24;

    /** A terminal of the usual height. */
    public Terminal(boolean interactive, boolean errInteractive, boolean inputInteractive, IntSupplier columns) {
        this(interactive, errInteractive, inputInteractive, columns, () -> DEFAULT_ROWS);
    }

    public static Terminal pipe() {
        return new Terminal(false, false, false, () -> DEFAULT_COLUMNS);
    }
}
