package dev.migstatus.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scenarios that ship with migstatus, in src/main/resources/scenarios as files of the same
 * format a user writes. This list feeds {@code --help}, the README's table (a test keeps them
 * equal) and the tests that watch each one to its documented exit code.
 */
public enum BuiltInScenario {
    CLEAN(0),
    FAILED_USERS(1),
    FATAL(3),
    FLAKY(0),
    SLOW_START(0),
    BIG(0);

    private final int exitCode;

    BuiltInScenario(int exitCode) {
        this.exitCode = exitCode;
    }

    /** How the command line and the resource file name it: {@code failed-users}. */
    public String scenarioName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What {@code migstatus --until migrated} exits with when it watches this scenario. */
    public int exitCode() {
        return exitCode;
    }

    /** Null when {@code name} is none of them. */
    public static BuiltInScenario named(String name) {
        for (BuiltInScenario s : values()) {
            if (s.scenarioName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(BuiltInScenario::scenarioName).collect(Collectors.joining(", "));
    }

    public Scenario load() {
        String path = "/scenarios/" + scenarioName() + ".json";
        try (InputStream in = BuiltInScenario.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return ScenarioReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException(path + ": " + e.getMessage());
        }
    }

    /** The README's table, row by row. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| scenario | what the portal shows | exit code |\n|---|---|---|\n");
        for (BuiltInScenario s : values()) {
            table.append("| `").append(s.scenarioName()).append("` | ")
                    .append(s.load().description().replace("|", "\\|")).append(" | ").append(s.exitCode).append(" |\n");
        }
        return table.toString();
    }
}
