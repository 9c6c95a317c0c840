package dev.migstatus.cli;

import dev.migstatus.render.Style;

/**
 * @param style       colours on stdout
 * @param errStyle    colours on stderr, which may go elsewhere
 * @param interactive stdout is a terminal: progress is drawn in place there
 * @param errInteractive stderr is a terminal: progress goes there when stdout is a file, a pipe or a JSON document
 * @param plain       {@code --plain}: progress as lines, as in a CI log, even on a terminal
 */
public record OutputSettings(OutputFormat format, boolean quiet, Style style, Style errStyle, boolean interactive,
                             boolean errInteractive, boolean plain) {

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public boolean ndjson() {
        return format == OutputFormat.NDJSON;
    }
}
