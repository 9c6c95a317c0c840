package dev.migstatus.cli;

import java.util.Locale;

/** What stdout carries. */
public enum OutputFormat {
    /** Progress and a readable report. */
    TEXT,
    /** One JSON document at the end; progress goes to stderr. */
    JSON,
    /** One JSON event per line as things happen, the last one the same document as JSON's. */
    NDJSON;

    /** As users type it, in help and in shell completion. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
