package dev.migstatus.cli;

import dev.migstatus.cli.completion.Shell;
import dev.migstatus.outcome.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code migstatus completion [bash|zsh|fish]}: a completion script for every command, option and value. */
@Command(name = "completion",
        header = "Prints a completion script for bash, zsh or fish.",
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = {
            "Prints a script that completes migstatus's commands, options and their values in your shell:"
                    + " --until and --output values, scenario names, and file names for --key-file, --cacert,"
                    + " --junit, --save-log and --scenario."
        },
        // Each line fits the narrowest help (55 columns), so none is ever broken in two.
        footerHeading = "%nTo load it in the shell you are in:%n",
        footer = {
            "  bash:  source <(migstatus completion bash)",
            "  zsh:   source <(migstatus completion zsh)",
            "  fish:  migstatus completion fish | source",
            "zsh needs compinit first (most setups run it).",
            "Put the line in ~/.bashrc, ~/.zshrc or",
            "~/.config/fish/config.fish to keep it.",
        },
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class)
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", completionCandidates = Shell.Names.class,
            description = "${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}.")
    private String shell;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Shell chosen = Shell.named(shell);
        if (chosen == null) {
            List<String> shells = Arrays.stream(Shell.values()).map(Shell::toString).toList();
            throw new UsageException(Suggestions.closest(shell, shells)
                    .map(s -> "unknown shell '" + shell + "'; did you mean '" + s + "'?")
                    .orElse("unknown shell '" + shell + "': use bash, zsh or fish"));
        }
        spec.commandLine().getOut().print(chosen.script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
