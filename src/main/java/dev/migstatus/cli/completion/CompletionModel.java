package dev.migstatus.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a shell needs to know to complete a command line, read from picocli's model of it: so
 * bash, zsh and fish offer the same commands, options and values as {@code --help} shows.
 */
public final class CompletionModel {

    /** A value names a file when its type is a file or its label says so: {@code FILE}, {@code PATH}, {@code NAME|FILE}. */
    private static final Pattern FILE_LABEL = Pattern.compile("\\b(FILE|PATH|DIR)\\b");

    /** How the value of an option (or a positional parameter) is completed. */
    public record Value(String label, List<String> words, boolean files) {

        /** A value nothing can be suggested for: a host, a key, a duration. */
        public boolean free() {
            return words.isEmpty() && !files;
        }
    }

    /** @param value null for a flag */
    public record Option(List<String> names, String description, Value value) {

        public boolean takesValue() {
            return value != null;
        }
    }

    /** @param path the words that reach it, "migstatus" first */
    public record Command(List<String> path, String description, List<Option> options, List<Value> positionals,
                          List<Command> subcommands) {

        public String name() {
            return path.get(path.size() - 1);
        }

        /** Every command in the tree, this one first. */
        public List<Command> all() {
            List<Command> all = new ArrayList<>(List.of(this));
            subcommands.forEach(sub -> all.addAll(sub.all()));
            return all;
        }

        public List<String> subcommandNames() {
            return subcommands.stream().map(Command::name).toList();
        }
    }

    private CompletionModel() {
    }

    public static Command of(CommandLine root) {
        return command(root.getCommandSpec(), List.of(root.getCommandName()));
    }

    private static Command command(CommandSpec spec, List<String> path) {
        List<Option> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                options.add(new Option(List.of(option.names()), summary(option.description()),
                        option.arity().max() == 0 ? null : value(option, option.paramLabel())));
            }
        }
        List<Command> subcommands = new ArrayList<>();
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (seen.put(sub, true) == null && !sub.getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(sub.getCommandName());
                subcommands.add(command(sub.getCommandSpec(), List.copyOf(subPath)));
            }
        }
        List<Value> positionals = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                positionals.add(spec.userObject() instanceof CommandLine.HelpCommand
                        ? new Value(positional.paramLabel(), siblings(spec), false)
                        : value(positional, positional.paramLabel()));
            }
        }
        String description = spec.usageMessage().header().length > 0 ? spec.usageMessage().header()[0]
                : spec.usageMessage().description().length > 0 ? spec.usageMessage().description()[0] : "";
        return new Command(path, summary(new String[] {description}), List.copyOf(options), List.copyOf(positionals),
                List.copyOf(subcommands));
    }

    /** {@code migstatus help COMMAND} completes the commands beside it. */
    private static List<String> siblings(CommandSpec help) {
        return help.parent() == null ? List.of() : help.parent().subcommands().keySet().stream()
                .filter(name -> !name.equals(help.name())).toList();
    }

    private static Value value(ArgSpec arg, String label) {
        List<String> words = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(words::add);
        }
        Class<?> type = arg.type();
        boolean files = File.class.isAssignableFrom(type) || Path.class.isAssignableFrom(type)
                || FILE_LABEL.matcher(label).find();
        return new Value(label.replaceAll("[<>]", ""), List.copyOf(words), files);
    }

    /** The first sentence of a description: a hint next to a candidate. */
    static String summary(String[] description) {
        String text = description.length == 0 ? "" : description[0].replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        if (end > 0) {
            text = text.substring(0, end);
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
