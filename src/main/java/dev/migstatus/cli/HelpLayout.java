package dev.migstatus.cli;

import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How {@code --help} reads: options under their sections, values shown as they are typed
 * ({@code -o FORMAT}, not picocli's {@code -o=FORMAT}: both are accepted), the environment
 * variables a command reads, and a blank line before the command list.
 */
final class HelpLayout {

    private static final String ENVIRONMENT = "environment";

    private HelpLayout() {
    }

    /** @param environment the variables the command reads and what for; empty for none */
    static void install(CommandLine command, Map<String, String> environment) {
        Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, separated(" ", new SectionedOptionList()));
        // A no-break space: the synopsis is wrapped at spaces, and "[--webhook" must not end a line without its "URL]".
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, separated("\u00a0", help -> help.synopsis(help.synopsisHeadingLength())));
        command.getCommandSpec().usageMessage().commandListHeading("%nCommands:%n");
        // Set on this command alone: CommandLine.setHelpSectionKeys would hand the root's keys to every
        // subcommand, and a subcommand with its own environment would list it twice.
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.remove(ENVIRONMENT);
        if (!environment.isEmpty()) {
            sections.put(ENVIRONMENT, help -> String.format("%nEnvironment:%n") + help.createTextTable(environment));
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, ENVIRONMENT);
        }
        command.getCommandSpec().usageMessage().sectionKeys(keys);
    }

    /**
     * Renders with a space between an option and its value, as users type it. The parser keeps its
     * own separator, so {@code --host=URL} still works; help is the last thing a run does.
     */
    private static IHelpSectionRenderer separated(String space, IHelpSectionRenderer renderer) {
        return help -> {
            CommandLine.Model.ParserSpec parser = help.commandSpec().parser();
            String separator = parser.separator();
            parser.separator(space);
            try {
                return renderer.render(help);
            } finally {
                parser.separator(separator);
            }
        };
    }

    /** Help for the help: what picocli's own two options say, left out of the sections. */
    static boolean helpOption(CommandLine.Model.OptionSpec option) {
        return option.usageHelp() || option.versionHelp();
    }
}
