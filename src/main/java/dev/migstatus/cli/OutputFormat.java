package dev.migstatus.cli;

/** What stdout carries. */
public enum OutputFormat {
    /** Progress and a readable report. */
    TEXT,
    /** One JSON document at the end; progress goes to stderr. */
    JSON,
    /** One JSON event per line as things happen, the last one the same document as JSON's. */
    NDJSON;

    static final class Converter extends LowercaseEnumConverter<OutputFormat> {
        Converter() {
            super(OutputFormat.class);
        }
    }

    static final class Candidates extends LowercaseEnumConverter.Candidates<OutputFormat> {
        Candidates() {
            super(OutputFormat.class);
        }
    }
}
