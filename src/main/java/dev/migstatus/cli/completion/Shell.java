package dev.migstatus.cli.completion;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;

/** The shells {@code migstatus completion} writes a script for, and where each keeps it. */
public enum Shell {
    BASH("migstatus.bash", BashScript::of),
    ZSH("_migstatus", ZshScript::of),
    FISH("migstatus.fish", FishScript::of);

    private final String fileName;
    private final Function<CompletionModel.Command, String> script;

    Shell(String fileName, Function<CompletionModel.Command, String> script) {
        this.fileName = fileName;
        this.script = script;
    }

    /** The name the release archive gives the script, in {@code completion/}. */
    public String fileName() {
        return fileName;
    }

    public String script(CommandLine root) {
        return script.apply(CompletionModel.of(root));
    }

    /** @return null when no shell has that name */
    public static Shell named(String name) {
        return Arrays.stream(values()).filter(shell -> shell.toString().equals(name)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names, for picocli's help and for completing {@code migstatus completion SHELL} itself. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Shell::toString).iterator();
        }
    }
}
