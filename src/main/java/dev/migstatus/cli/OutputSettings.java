package dev.migstatus.cli;

import dev.migstatus.render.Style;

/**
 * @param interactive stdout is a terminal: progress is drawn in place there
 */
public record OutputSettings(OutputFormat format, boolean quiet, Style style, boolean interactive) {

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public boolean ndjson() {
        return format == OutputFormat.NDJSON;
    }
}
