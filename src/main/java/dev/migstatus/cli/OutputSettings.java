package dev.migstatus.cli;

import dev.migstatus.render.Style;

/**
 * @param style       colours on stdout
 * @param errStyle    colours on stderr, which may go elsewhere
 * @param interactive stdout is a terminal: progress is drawn in place there
 */
public record OutputSettings(OutputFormat format, boolean quiet, Style style, Style errStyle, boolean interactive) {

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public boolean ndjson() {
        return format == OutputFormat.NDJSON;
    }
}
