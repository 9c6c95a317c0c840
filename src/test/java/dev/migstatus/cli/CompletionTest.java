package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code migstatus completion bash|zsh|fish}: each script is loaded into the real shell and asked
 * what it offers after a partly typed command line, in a folder holding a few files. bash is
 * always there (CI runs in it); zsh and fish are checked where they are installed.
 */
class CompletionTest {

    @TempDir
    Path folder;

    /** The scripts, kept out of the folder whose files are completed. */
    @TempDir
    Path scripts;

    @BeforeEach
    void someFiles() throws IOException {
        Files.writeString(folder.resolve("key.txt"), "sk-0123456789");
        Files.writeString(folder.resolve("my ca.pem"), "");
        Files.createDirectory(folder.resolve("reports"));
    }

    /** What bash offers for the words typed so far; the last one is the word being completed. */
    private List<String> bash(String... words) throws Exception {
        Path script = Files.writeString(scripts.resolve("migstatus.bash"), script("bash"));
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word.replace("'", "'\\''")).append("'");
        }
        String program = "source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _migstatus; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return lines(shell("bash", "-c", program));
    }

    private static String script(String shell) {
        Result r = new CliRun().run("completion", shell);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private String shell(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static List<String> lines(String out) {
        return out.lines().filter(line -> !line.isEmpty()).sorted().toList();
    }

    private static boolean installed(String shell) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, shell)));
    }

    @Test
    void withoutAShellItIsBashAsBefore() {
        assertEquals(script("bash"), new CliRun().run("completion").out());
    }

    @Test
    void bashCompletesFileNamesForEveryOptionThatTakesAFile() throws Exception {
        List<String> all = List.of("key.txt", "my ca.pem", "reports");
        assertEquals(all, bash("migstatus", "--key-file", ""));
        assertEquals(List.of("my ca.pem"), bash("migstatus", "--cacert", "my"));
        assertEquals(List.of("reports"), bash("migstatus", "--junit", "rep"));
        assertEquals(all, bash("migstatus", "--save-log", ""));
        assertEquals(all, bash("migstatus", "logs", "--output-file", ""));
        assertEquals(List.of("key.txt"), bash("migstatus", "--key-file", "=", "k"), "--key-file=k, as bash splits it");
    }

    @Test
    void bashCompletesScenarioNamesAndFiles() throws Exception {
        assertEquals(List.of("failed-users", "fatal", "flaky"), bash("migstatus", "simulate", "--scenario", "f"));
        assertEquals(List.of("key.txt"), bash("migstatus", "demo", "--scenario", "k"));
    }

    @Test
    void bashCompletesCommandsOptionsAndValues() throws Exception {
        assertEquals(List.of("completion"), bash("migstatus", "comp"));
        assertEquals(List.of("completed", "migrated"), bash("migstatus", "--until", ""));
        assertEquals(List.of("json", "ndjson", "text"), bash("migstatus", "-o", ""));
        assertEquals(List.of("bash"), bash("migstatus", "completion", "b"));
        assertEquals(List.of("--key", "--key-file"), bash("migstatus", "logs", "--ke"));
        assertEquals(List.of(), bash("migstatus", "--host", ""), "a host is not a file");
        assertEquals(List.of("logs"), bash("migstatus", "--host", "demo", "lo"), "an option's value is not a command");
    }

    @Test
    void zshLoadsTheScriptAndCompletesFilesForFileOptions() throws Exception {
        String script = script("zsh");
        assertTrue(script.startsWith("#compdef migstatus\n"), "autoloadable from $fpath");
        assertTrue(script.contains("'--key-file=[Read the key from a file"), script);
        assertTrue(script.contains("]:PATH:_files'"), script);
        assertTrue(script.contains("'--cacert=[") && script.contains("'--save-log=[") && script.contains("'--junit=["));
        assumeTrue(installed("zsh"), "zsh is not installed here");
        Path file = Files.writeString(scripts.resolve("_migstatus"), script);
        String out = shell("zsh", "-c", "autoload -U compinit && compinit -u -D && source " + file + " && print -r -- $_comps[migstatus]");
        assertEquals("_migstatus", out.strip());
    }

    @Test
    void fishCompletesFileNamesForEveryOptionThatTakesAFile() throws Exception {
        String script = script("fish");
        assertTrue(script.contains(" -l key-file -r -F "), script);
        assumeTrue(installed("fish"), "fish is not installed here");
        Path file = Files.writeString(scripts.resolve("migstatus.fish"), script);
        List<String> cases = new ArrayList<>();
        for (String line : new String[] {"migstatus --key-file ", "migstatus --cacert my", "migstatus logs --output-file k",
                "migstatus simulate --scenario fl", "migstatus --until ", "migstatus completion f"}) {
            cases.add("echo '# " + line + "'; complete -C '" + line + "'");
        }
        String out = shell("fish", "-c", "source " + file + "; " + String.join("; ", cases));
        assertEquals("""
                # migstatus --key-file
                key.txt
                my ca.pem
                reports/
                # migstatus --cacert my
                my ca.pem
                # migstatus logs --output-file k
                key.txt
                # migstatus simulate --scenario fl
                flaky
                # migstatus --until
                completed
                migrated
                # migstatus completion f
                fish
                """, out.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void helpShowsEachShellsLineWhole() {
        for (int columns : new int[] {40, 200}) {
            Result help = new CliRun().columns(columns).run("completion", "--help");
            assertEquals(0, help.exitCode());
            assertTrue(help.out().lines().anyMatch("  zsh:   source <(migstatus completion zsh)"::equals), help.out());
            assertTrue(help.out().lines().anyMatch("  bash:  source <(migstatus completion bash)"::equals), help.out());
            assertTrue(help.out().lines().anyMatch("  fish:  migstatus completion fish | source"::equals), help.out());
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Result r = new CliRun().run("completion", "powershell");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("migstatus: unknown shell 'powershell': use bash, zsh or fish (see 'migstatus completion --help')\n", r.err());
        assertFalse(r.err().contains("Exception"));
    }
}
