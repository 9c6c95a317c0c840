package dev.migstatus.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A release archive unpacked into a fresh folder and run as a user runs it: {@code bin/migstatus}
 * as a process, with an environment of the test's choosing (no Maven, maybe no Java, on the PATH).
 * For the *IT tests, which run after {@code mvn package} has made the archives.
 */
public final class Installation {

    /** What a run left behind. */
    public record Run(int exitCode, String out, String err) {
    }

    private static final String KEY = "sk-installation-test";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path home;
    private final Path work;
    private final Map<String, String> env;

    private Installation(Path home, Path work, Map<String, String> env) {
        this.home = home;
        this.work = work;
        this.env = env;
    }

    /**
     * Unpacks {@code archive} (a .tar.gz, with tar, which keeps the files' modes) into a new folder
     * under {@code work}, and runs it with {@code path} as the whole PATH, no JAVA_HOME, and a HOME of its own.
     */
    public static Installation unpack(Path archive, Path work, String path) throws IOException, InterruptedException {
        return unpack(archive, work, path, "an install folder");
    }

    /** The same, into a folder of that name under {@code work}. */
    public static Installation unpack(Path archive, Path work, String path, String folder) throws IOException, InterruptedException {
        Path into = Files.createDirectories(work.resolve(folder));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar -xzf " + archive + " failed: " + output);
        }
        Path home;
        try (Stream<Path> top = Files.list(into)) {
            home = top.reduce((a, b) -> {
                throw new IllegalStateException("the archive holds more than one folder: " + a + ", " + b);
            }).orElseThrow();
        }
        Path userHome = Files.createDirectories(work.resolve("home"));
        return new Installation(home, work, Map.of("PATH", path, "HOME", userHome.toString(), "LANG", "C.UTF-8"));
    }

    /** The same installation, run with one more environment variable. */
    public Installation with(String name, String value) {
        Map<String, String> more = new TreeMap<>(env);
        more.put(name, value);
        return new Installation(home, work, Map.copyOf(more));
    }

    /** A folder holding only links to these programs, for a PATH with nothing else on it. */
    public static String pathWith(Path work, Map<String, Path> programs) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin-" + String.join("-", new TreeMap<>(programs).keySet())));
        for (Map.Entry<String, Path> program : programs.entrySet()) {
            Files.createSymbolicLink(bin.resolve(program.getKey()), program.getValue());
        }
        return bin.toString();
    }

    /** The java running this test. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public Path home() {
        return home;
    }

    public Run run(String... args) throws IOException, InterruptedException {
        return run(home.resolve("bin/migstatus"), args);
    }

    /** Runs {@code launcher} (bin/migstatus, or a link to it) with the installation's environment. */
    public Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = start(command);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), out, err.join());
    }

    /**
     * Serves a scenario with the installation's own {@code migstatus simulate} and watches it
     * {@code --once} with the installation's {@code migstatus}.
     */
    public Run onceAgainstItsSimulator(String scenarioJson) throws IOException, InterruptedException {
        Path scenario = Files.writeString(work.resolve("scenario.json"), scenarioJson);
        Process simulator = start(List.of(home.resolve("bin/migstatus").toString(), "simulate", "--scenario",
                scenario.toString(), "--port", "0", "--key", KEY));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("Simulated DocSpace portal: ")) {
                            return line.substring("Simulated DocSpace portal: ".length()).strip();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            if (url == null) {
                throw new AssertionError("the simulator printed no URL: " + read(simulator.getErrorStream()));
            }
            return run("--host", url, "--key", KEY, "--once");
        } finally {
            simulator.destroy();
            simulator.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Every file and folder under the installation, with its size and time: equal before and after means nothing was written. */
    public Map<String, String> listing() throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                listing.put(home.relativize(file).toString(), Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
        }
        return listing;
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
