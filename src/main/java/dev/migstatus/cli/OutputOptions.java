package dev.migstatus.cli;

import dev.migstatus.render.Style;

import picocli.CommandLine.Option;

import java.util.List;

/** How results are shown: format, quiet, colour. */
public final class OutputOptions implements HelpSection {

    @Override
    public String heading() {
        return "Output";
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "text (default): progress and a report; json: one JSON document on stdout at the end, progress on stderr;"
                    + " ndjson: one JSON event per line as things happen, the last one the json document.")
    private OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout; errors still go to stderr. The exit code tells the outcome.")
    private boolean quiet;

    @Option(names = "--plain",
            description = "Progress as plain lines, one per change, as in a CI log, even on a terminal: nothing redrawn in place.")
    private boolean plain;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    private ColorMode color = ColorMode.AUTO;

    @Option(names = "--no-color", description = "Same as --color never.")
    private boolean noColor;

    OutputSettings resolve(Context context) {
        if (quiet && format != OutputFormat.TEXT) {
            throw new UsageException("--quiet prints nothing on stdout, --output " + format + " prints a document there: choose one");
        }
        Terminal terminal = context.terminal();
        ColorMode mode = noColor ? ColorMode.NEVER : color;
        boolean noColorSet = context.firstEnv(List.of("NO_COLOR")) != null;
        boolean colour = mode == ColorMode.ALWAYS || (mode == ColorMode.AUTO && terminal.interactive() && !noColorSet);
        boolean errColour = mode == ColorMode.ALWAYS || (mode == ColorMode.AUTO && terminal.errInteractive() && !noColorSet);
        return new OutputSettings(format, quiet, Style.of(colour), Style.of(errColour), terminal.interactive(),
                terminal.errInteractive(), plain);
    }
}
