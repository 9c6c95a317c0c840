package dev.migstatus.cli;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What picocli found wrong with a command line, said in migstatus's own words, in one line, with
 * the closest real option or command when there is one. Values are never echoed for options it
 * does not know: {@code --kye=sk-…} may be the key itself.
 */
final class UsageMessages {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class, short.class,
            Short.class, byte.class, Byte.class);

    private UsageMessages() {
    }

    static String of(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched.getUnmatched(), ex.getCommandLine());
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec arg = missing.getMissing().get(0);
            return arg instanceof OptionSpec option
                    ? option.longestName() + " needs a value: " + option.longestName() + " " + option.paramLabel()
                    : "missing " + arg.paramLabel();
        }
        if (ex.getArgSpec() instanceof OptionSpec option && ex.getValue() != null) {
            return invalidValue(option, ex);
        }
        if (ex.getArgSpec() == null && ex.getValue() != null && !ex.getCommandLine().getSubcommands().isEmpty()) {
            // 'migstatus help nope': picocli's help command names no option, only the command it does not know.
            return unmatched(List.of(ex.getValue()), ex.getCommandLine());
        }
        String message = String.valueOf(ex.getMessage());
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String invalidValue(OptionSpec option, ParameterException ex) {
        String name = option.longestName();
        Class<?> type = option.type();
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            option.completionCandidates().forEach(values::add);
            return name + ": '" + ex.getValue() + "' is not one of " + String.join(", ", values);
        }
        if (type == boolean.class || type == Boolean.class) {
            return name + " takes no value (give " + name + " alone)";
        }
        if (option.converters().length == 0 && WHOLE_NUMBERS.contains(type)) {
            // picocli's own converters say "is not an int", which is Java's word, not a person's.
            return name + ": '" + ex.getValue() + "' is not a whole number";
        }
        if (option.converters().length == 0 && (type == double.class || type == Double.class)) {
            return name + ": '" + ex.getValue() + "' is not a number";
        }
        Throwable cause = ex.getCause();
        return name + ": " + (cause != null && cause.getMessage() != null ? cause.getMessage() : "'" + ex.getValue() + "' is not valid");
    }

    private static String unmatched(List<String> arguments, CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        for (String argument : arguments) {
            if (argument.startsWith("-") && argument.length() > 1) {
                return unknownOption(argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument, command);
            }
        }
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        if (spec.parent() != null || spec.subcommands().isEmpty()) {
            return "unexpected argument '" + first + "'";
        }
        if (first.contains(".") || first.contains("://")) {
            return "unexpected argument '" + first + "'; to watch a portal, give it with --host " + first;
        }
        String subcommands = String.join(", ", spec.subcommands().keySet());
        return "unknown command '" + first + "'" + Suggestions.closest(first, spec.subcommands().keySet())
                .map(s -> "; did you mean '" + s + "'?").orElse("; the commands are " + subcommands);
    }

    private static String unknownOption(String name, CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        CommandSpec root = spec.root();
        if (spec != root && root.findOption(name) != null) {
            return OptionsBeforeSubcommand.meansNothing(name, spec);
        }
        for (CommandLine sub : spec.subcommands().values()) {
            OptionSpec theirs = sub.getCommandSpec().findOption(name);
            if (theirs != null && !theirs.hidden()) {
                return name + " is an option of '" + sub.getCommandSpec().qualifiedName() + "': give it after '" + sub.getCommandName() + "'";
            }
        }
        List<String> names = spec.options().stream().flatMap(o -> List.of(o.names()).stream())
                .filter(n -> n.startsWith("--")).collect(Collectors.toList());
        return "unknown option " + name + Suggestions.closest(name, names).map(s -> "; did you mean " + s + "?").orElse("");
    }
}
