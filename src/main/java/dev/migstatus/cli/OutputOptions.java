package dev.migstatus.cli;

import dev.migstatus.render.Style;

import picocli.CommandLine.Option;

import java.util.Locale;

/** How results are shown: format, quiet, colour. */
public final class OutputOptions implements HelpSection {

    @Override
    public String heading() {
        return "Output";
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
            completionCandidates = OutputFormat.Candidates.class,
            description = "text (default): progress and a report; json: one JSON document on stdout at the end, progress on stderr;"
                    + " ndjson: one JSON event per line as things happen, the last one the json document.")
    private OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout; errors still go to stderr. The exit code tells the outcome.")
    private boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", converter = ColorMode.Converter.class,
            completionCandidates = ColorMode.Candidates.class,
            description = "auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    private ColorMode color = ColorMode.AUTO;

    @Option(names = "--no-color", description = "Same as --color never.")
    private boolean noColor;

    OutputSettings resolve(Context context) {
        if (quiet && format != OutputFormat.TEXT) {
            throw new UsageException(
                    "--quiet prints nothing on stdout, --output " + format.name().toLowerCase(Locale.ROOT)
                            + " prints a document there: choose one");
        }
        Terminal terminal = context.terminal();
        ColorMode mode = noColor ? ColorMode.NEVER : color;
        boolean noColorSet = context.firstEnv("NO_COLOR") != null;
        boolean colour = mode == ColorMode.ALWAYS || (mode == ColorMode.AUTO && terminal.interactive() && !noColorSet);
        boolean errColour = mode == ColorMode.ALWAYS || (mode == ColorMode.AUTO && terminal.errInteractive() && !noColorSet);
        return new OutputSettings(format, quiet, Style.of(colour), Style.of(errColour), terminal.interactive());
    }

    /**
     * The format these arguments ask for, read without picocli: a usage error is reported in the
     * format the user asked for even when the arguments do not parse.
     */
    static OutputFormat askedFor(String[] args) {
        OutputFormat asked = OutputFormat.TEXT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (a.startsWith("--output=")) {
                value = a.substring("--output=".length());
            } else if (a.startsWith("-") && !a.startsWith("--") && a.indexOf('o') > 0) {
                // Clustered short options: -o json, -ojson, -o=json, -qo json, -vojson.
                String rest = a.substring(a.indexOf('o') + 1);
                value = rest.isEmpty() && i + 1 < args.length ? args[i + 1] : rest.startsWith("=") ? rest.substring(1) : rest;
            }
            for (OutputFormat format : OutputFormat.values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    asked = format;
                }
            }
        }
        return asked;
    }
}
