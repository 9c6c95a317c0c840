package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A watch parses on a tree whose subcommands stand in by name: the names are the whole tree's. */
class WatchTreeTest {

    @Test
    void theStandInsAreTheSubcommandsOfTheWholeTree() {
        Cli cli = new Cli(CliRun.context());
        assertEquals(List.copyOf(cli.commandLine().getSubcommands().keySet()), Cli.SUBCOMMANDS);
        assertEquals(List.copyOf(cli.watchTree().getSubcommands().keySet()), Cli.SUBCOMMANDS);
    }
}
