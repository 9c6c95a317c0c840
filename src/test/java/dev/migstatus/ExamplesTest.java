package dev.migstatus;

import dev.migstatus.cli.Cli;
import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.ShellLine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example in every command's --help and in the README's shell and CI blocks, run as written:
 * the same words, against a simulated portal on this machine where they name one. What is changed
 * is only where things are: {@code portal.example.com}, {@code $PORTAL} and {@code 127.0.0.1:8080}
 * become the simulator's address, {@code ~} a folder of the test's with the key file in it, and
 * relative files land in that folder. A comment that gives the exit code ({@code # exit code 1}) is
 * held to it; every other example must not end in a usage error (2) or a bug (70). A pipe into jq runs
 * the real jq on the output. Not run: the exporter, which serves a fixed port until stopped (its
 * lines are parsed, as picocli would before running), and lines for other programs (docker, tar, man).
 */
class ExamplesTest {

    private static final String KEY = "sk-0123456789abcdef0123456789abcdef";
    private static final Set<String> FILE_OPTIONS = Set.of("--junit", "--save-log", "--output-file", "-O", "--key-file",
            "--portals", "--scenario");
    private static final Pattern EXIT_COMMENT = Pattern.compile("exit(?: code)? (\\d+)");
    private static final Pattern SCENARIO = Pattern.compile("simulate --scenario (\\S+)");

    @TempDir
    static Path dir;

    /** An example: where it is, the line as written, and the block around it (for the scenario it plays). */
    private record Example(String where, String line, String block, boolean ciVariables) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsWritten() throws IOException {
        List<Example> examples = new ArrayList<>(readme());
        examples.addAll(help());
        assertTrue(examples.size() >= 25, "the examples were found: " + examples.size());
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.where() + ": " + e.line(), () -> run(e)));
    }

    private static List<Example> readme() throws IOException {
        List<Example> examples = new ArrayList<>();
        Matcher blocks = Pattern.compile("```(sh|yaml)\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (blocks.find()) {
            String block = blocks.group(2).replace("\\\n", " ");
            for (String line : block.lines().toList()) {
                if (blocks.group(1).equals("sh")) {
                    examples.add(new Example("README", line.strip(), block, false));
                } else {
                    Matcher step = Pattern.compile("^\\s*(?:- |run: )((?:bin/)?migstatus .*)$").matcher(line);
                    if (step.matches()) {
                        examples.add(new Example("README (CI)", step.group(1), block, true));
                    }
                }
            }
        }
        return examples;
    }

    private static List<Example> help() {
        List<Example> examples = new ArrayList<>();
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(new Cli(CliRun.context()).commandLine().getSubcommands().keySet());
        for (String command : commands) {
            String help = new CliRun().run(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"}).out();
            int at = help.indexOf("\nExamples:\n");
            if (at >= 0) {
                String block = help.substring(at + "\nExamples:\n".length()).replace("\\\n", " ");
                block.lines().forEach(line -> examples.add(new Example("migstatus " + command + " --help", line.strip(), block, false)));
            }
        }
        return examples;
    }

    private static void run(Example example) throws Exception {
        if (example.where().endsWith("--help")) {
            // A line picocli wrapped at the terminal's edge would not run when pasted.
            assertTrue(example.line().contains("migstatus"), "a whole command on each line of the help's examples: " + example.line());
        }
        CliRun run = new CliRun();
        Matcher scenario = SCENARIO.matcher(example.block());
        BuiltInScenario plays = scenario.find() && BuiltInScenario.named(scenario.group(1)) != null
                ? BuiltInScenario.named(scenario.group(1)) : BuiltInScenario.CLEAN;
        String key = example.block().contains("--key sk-rehearsal") ? "sk-rehearsal" : KEY;
        try (SimulatedPortal portal = start(plays, key, run);
             SimulatedPortal second = start(plays, key, run)) {
            String url = portal.url().toString();
            Path home = Files.createDirectories(dir.resolve("home"));
            Files.writeString(home.resolve(".docspace-key"), key);
            Files.writeString(dir.resolve("portals.txt"), url + "\n" + second.url() + "\n");
            if (example.ciVariables()) {
                run.env("MIGSTATUS_HOST", url).env("MIGSTATUS_KEY", key);
            }
            ShellLine line = ShellLine.parse(example.line(), Map.of("HOME", home.toString(), "PORTAL", url, "HOST", url));
            List<ShellLine.Command> commands = line.commands();
            for (int i = 0; i < commands.size(); i++) {
                List<String> words = withoutKeywords(commands.get(i).words());
                if (words.isEmpty() || !words.get(0).endsWith("migstatus")) {
                    continue;
                }
                List<String> args = located(words.subList(1, words.size()), url, key);
                if (args.contains("exporter")) {
                    // Serves 127.0.0.1:9477 until stopped: parsed as picocli parses it before running it.
                    new Cli(CliRun.context()).commandLine().parseArgs(args.toArray(String[]::new));
                    continue;
                }
                boolean serves = args.contains("simulate") && !args.contains("--print-scenario");
                CliRun.Result result = (serves ? run.onSleep(d -> run.cancellation().cancel()) : run).run(args.toArray(String[]::new));
                Matcher expected = EXIT_COMMENT.matcher(line.comment());
                if (expected.find()) {
                    assertEquals(Integer.parseInt(expected.group(1)), result.exitCode(), example.line() + "\n" + result.all());
                } else {
                    assertFalse(result.exitCode() == 2 || result.exitCode() == 70,
                            example.line() + "\nexit " + result.exitCode() + ": " + result.all());
                }
                if (commands.get(i).then().equals("|") && i + 1 < commands.size() && commands.get(i + 1).words().get(0).equals("jq")) {
                    jq(commands.get(i + 1).words(), result.out());
                    if (args.contains("json") && !args.contains("--portals")) {
                        // The same filter on the document of a watch that saw no status: "status": null.
                        jq(commands.get(i + 1).words(), new CliRun().run("-o", "json", "--interval", "1ms").out());
                    }
                }
            }
        }
    }

    private static SimulatedPortal start(BuiltInScenario scenario, String key, CliRun run) throws IOException {
        return SimulatedPortal.start(scenario.load(), SimulatedPortal.Settings.loopback(key), run.clock(), SimulatedPortal.RequestLog.NONE);
    }

    private static List<String> withoutKeywords(List<String> words) {
        int first = 0;
        while (first < words.size() && Set.of("if", "then", "!", "exec", "source", "time").contains(words.get(first))) {
            first++;
        }
        return words.subList(first, words.size());
    }

    /** The words, with the places they name made this machine's. */
    private static List<String> located(List<String> words, String url, String key) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option = i > 0 ? words.get(i - 1) : "";
            if (option.equals("--host") && (word.contains("example.com") || word.contains("127.0.0.1:8080"))) {
                word = url;
            } else if (option.equals("--port")) {
                word = "0";
            } else if (FILE_OPTIONS.contains(option) && !word.startsWith("/") && !word.equals("-")
                    && BuiltInScenario.named(word) == null) {
                word = dir.resolve(word).toString();
                if (option.equals("--key-file")) {
                    writeKey(Path.of(word), key);
                }
            }
            args.add(word);
        }
        return args;
    }

    private static void writeKey(Path file, String key) {
        try {
            Files.writeString(file, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real jq, on what migstatus printed: the filter as written must work on the real output. */
    private static void jq(List<String> words, String input) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")) || Files.isExecutable(Path.of("/usr/local/bin/jq")),
                "jq is installed (Debian: apt-get install jq)");
        Process jq = new ProcessBuilder(words).redirectErrorStream(true).start();
        jq.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        jq.getOutputStream().close();
        String out = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jq.waitFor(30, TimeUnit.SECONDS), "jq ended");
        assertEquals(0, jq.exitValue(), "jq " + words + ": " + out + "\non: " + input);
        assertFalse(out.contains("null"), "every value the filter picks is there: " + out);
    }
}
