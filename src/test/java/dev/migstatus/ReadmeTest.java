package dev.migstatus;

import dev.migstatus.cli.Cli;
import dev.migstatus.cli.Defaults;
import dev.migstatus.model.UserTypes;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.testing.CliRun;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README is part of the interface: scripts are written from its tables. */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void exitCodeTableIsTheEnum() throws IOException {
        assertTrue(readme().contains(ExitCode.markdownTable()), "README's exit-code table differs from ExitCode:\n"
                + ExitCode.markdownTable());
    }

    @Test
    void userTypeTableIsUserTypes() throws IOException {
        assertTrue(readme().contains(UserTypes.markdownTable()), "README's user-type table differs from UserTypes:\n"
                + UserTypes.markdownTable());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"logs", "completion", "demo", "simulate"}) {
            CliRun.Result help = new CliRun().run("help", command);
            assertTrue(help.out().contains("Usage: migstatus " + command), command + ": " + help.out());
        }
        String logs = new CliRun().run("logs", "--help").out();
        assertTrue(logs.contains("no_migration: no migration has run on the portal, so there is no log"), logs);
        assertTrue(logs.contains("running: an operation runs: DocSpace writes its log when it ends"), logs);
    }

    @Test
    void everyVariableTheHelpListsIsInTheReadmesTable() throws IOException {
        String readme = readme();
        String table = readme.substring(readme.indexOf("### Environment variables"), readme.indexOf("## Exit codes"));
        for (String variable : Defaults.environment().keySet()) {
            assertTrue(table.contains("`" + variable), variable + " is not in the README's environment table");
        }
        for (String variable : Defaults.portalEnvironment().values()) {
            for (String name : variable.replaceAll(".*then ", "").split(", ")) {
                assertTrue(table.contains("`" + name + "`"), name + " is not in the README's environment table");
            }
        }
    }

    @Test
    void helpListsEveryExitCode() {
        CliRun.Result help = new CliRun().run("--help");
        for (ExitCode code : ExitCode.values()) {
            assertTrue(help.out().contains(code.outcome() + ": "), code + " missing from --help");
        }
    }

    @Test
    void everyOptionIsDocumented() throws IOException {
        String readme = readme();
        CommandLine commandLine = new Cli(CliRun.context()).commandLine();
        var optionRows = readme.lines().filter(line -> line.startsWith("| `")).toList();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            assertTrue(optionRows.stream().anyMatch(row -> row.contains(option.longestName())),
                    option.longestName() + " has no row in the README's option tables");
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            assertTrue(readme.contains("migstatus " + sub.getCommandName()), sub.getCommandName() + " is not in the README");
            for (OptionSpec option : sub.getCommandSpec().options()) {
                assertTrue(readme.contains(option.longestName()), sub.getCommandName() + " " + option.longestName() + " is not in the README");
            }
        }
    }
}
