package dev.migstatus.cli;

import dev.migstatus.outcome.ExitCode;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code migstatus completion}: a bash/zsh completion script for every command and option. */
@Command(name = "completion",
        description = {
            "Prints a completion script for bash and zsh.",
            "  bash: source <(migstatus completion)",
            "  zsh:  autoload -U +X bashcompinit && bashcompinit && source <(migstatus completion)"
        },
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class)
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("migstatus", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
