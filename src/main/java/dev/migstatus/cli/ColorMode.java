package dev.migstatus.cli;

import java.util.Locale;

/** {@code --color}: auto colours a terminal unless NO_COLOR is set; always and never decide alone. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /** As users type it, in help and in shell completion. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
