package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every default lives in {@link Defaults}; --help and the README say the same value the code uses. */
class DefaultsTest {

    @Test
    void helpAndReadmeStateEachDefaultTheCodeUses() throws IOException {
        List<String> readmeRows = Files.readString(Path.of("README.md")).lines().filter(l -> l.startsWith("| `")).toList();
        CommandLine root = new Cli(CliRun.context()).commandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        int checked = 0;
        for (CommandLine command : commands) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String value = option.defaultValue();
                if (value == null || option.type() == boolean.class) {
                    continue;
                }
                checked++;
                String help = new CommandLine.Help(command.getCommandSpec()).optionListExcludingGroups(List.of(option));
                assertTrue(help.contains(value), command.getCommandName() + " " + option.longestName() + ": --help does not say "
                        + value + ":\n" + help);
                assertTrue(readmeRows.stream().anyMatch(row -> row.startsWith("| `" + option.longestName())
                                && (row.contains("default `" + value + "`") || row.contains("default " + value + " "))),
                        option.longestName() + ": no README row says its default " + value);
            }
        }
        assertTrue(checked >= 10, "found " + checked + " options with defaults");
    }
}
