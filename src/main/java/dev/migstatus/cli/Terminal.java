package dev.migstatus.cli;

import java.util.function.IntSupplier;

/**
 * What migstatus knows about where its standard output goes.
 *
 * @param interactive true when stdout is a terminal a person watches: then progress is drawn in place
 * @param columns     the terminal's width, asked only when needed
 */
public record Terminal(boolean interactive, IntSupplier columns) {

    public static final int DEFAULT_COLUMNS = 80;

    public static Terminal pipe() {
        return new Terminal(false, () -> DEFAULT_COLUMNS);
    }
}
