package dev.migstatus.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options given before a subcommand ({@code migstatus --host … logs}, {@code migstatus -q demo})
 * apply to it, as in gh and kubectl: each is handed to the subcommand's option of the same name,
 * unless the subcommand was given its own value. An option the subcommand does not have means
 * nothing there, and is refused rather than silently dropped.
 */
final class OptionsBeforeSubcommand {

    private OptionsBeforeSubcommand() {
    }

    static void carry(ParseResult root) {
        ParseResult sub = root.subcommand();
        if (sub == null) {
            return;
        }
        for (OptionSpec given : root.matchedOptions()) {
            if (given.usageHelp() || given.versionHelp()) {
                continue;
            }
            OptionSpec target = sub.commandSpec().findOption(given.longestName());
            if (target == null) {
                throw new UsageException(meansNothing(given.longestName(), sub.commandSpec()));
            }
            if (!sub.hasMatchedOption(target)) {
                target.setValue(given.getValue());
            }
        }
    }

    /**
     * An option of the watch, given to a subcommand that has no use for it; with the subcommand's
     * own option it may have meant: curl's users type {@code logs -o FILE} for {@code --output-file}.
     */
    static String meansNothing(String option, CommandSpec subcommand) {
        OptionSpec watchOption = subcommand.root().findOption(option);
        String name = watchOption == null ? option : watchOption.longestName();
        String meant = subcommand.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName)
                .filter(own -> own.startsWith(name + "-")).findFirst().map(own -> "; did you mean " + own + "?").orElse("");
        return option + " means nothing for '" + subcommand.qualifiedName() + "'; it is an option of the watch" + meant;
    }
}
