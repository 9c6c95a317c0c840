package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.ScenarioException;
import dev.migstatus.sim.ScenarioReader;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * What {@code --scenario NAME|FILE} names: a built-in scenario, else a scenario file.
 *
 * @param builtIn null for a file
 */
record ScenarioChoice(String name, Scenario scenario, BuiltInScenario builtIn) {

    static final String DESCRIPTION = "A built-in scenario, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}),"
            + " or a scenario file you wrote (see the README).";

    /** The built-in names, for picocli's help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(BuiltInScenario.values()).map(BuiltInScenario::scenarioName).iterator();
        }
    }

    static ScenarioChoice of(String value) {
        BuiltInScenario builtIn = BuiltInScenario.named(value);
        if (builtIn != null) {
            return new ScenarioChoice(builtIn.scenarioName(), builtIn.load(), builtIn);
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new UsageException("--scenario " + value + ": no built-in scenario of that name and no such file;"
                    + " built in: " + BuiltInScenario.names());
        }
        try {
            return new ScenarioChoice(value, ScenarioReader.read(file), null);
        } catch (ScenarioException e) {
            throw new UsageException("--scenario " + value + ": " + e.getMessage());
        }
    }

    /** Real time from the first request to the last frame, at this speed. */
    Duration length(double speed) {
        return Duration.ofMillis((long) Math.ceil(scenario.length().toMillis() / speed));
    }
}
