package dev.migstatus;

import dev.migstatus.testing.Installation;
import dev.migstatus.testing.Installation.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release archive as a user gets it (after {@code mvn package}): unpacked into a fresh folder,
 * run from there with only Java on the PATH: no Maven, no sources, no build. The one thing the
 * launcher writes there is the class-data archive in lib/, on the first run.
 */
class ReleaseArchiveIT {

    /**
     * A migration that has completed cleanly, for a {@code --once} that exits 0. The name beyond
     * Latin makes the table ask ICU for its width: its data must be in the jar, and the runtime
     * image must hold the modules it needs.
     */
    static final String COMPLETED = """
            {"description": "A migration that has completed cleanly.",
             "frames": [{"at": "0s", "status": {"progress": 100, "error": "", "isCompleted": true,
               "parseResult": {"migratorName": "Nextcloud", "operation": "migration", "successedUsers": 1, "failedUsers": 0,
                 "users": [{"key": "jdoe", "email": "john.doe@example.com", "displayName": "山田 太郎", "userType": "User"}]}}}]}
            """;

    private static final String VERSION = System.getProperty("migstatus.version");

    @TempDir
    Path work;

    static Path archive(String property, String extension) {
        String base = System.getProperty(property);
        if (base == null) {
            throw new IllegalStateException(property + " is not set: run the *IT tests with mvn verify");
        }
        return Path.of(base + extension);
    }

    private Installation unpack() throws IOException, InterruptedException {
        return Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Installation.pathWith(work, Map.of("java", Installation.java())));
    }

    @Test
    void runsFromAFreshFolderWithJavaAloneOnThePath() throws Exception {
        Installation installed = unpack().with("MIGSTATUS_CLASS_ARCHIVE", "off");
        Map<String, String> before = installed.listing();

        Run version = installed.run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("migstatus " + VERSION + "\n"), version.out());

        Run once = installed.onceAgainstItsSimulator(COMPLETED);
        assertEquals(0, once.exitCode(), once.out() + once.err());
        assertTrue(once.out().contains("Migration completed: 1 user imported, 0 failed"), once.out());
        assertTrue(once.out().contains("\nNAME       E-MAIL"), "the name takes 9 columns, as ICU says: " + once.out());

        assertEquals(before, installed.listing(), "with MIGSTATUS_CLASS_ARCHIVE=off nothing is written into the install folder");
    }

    /**
     * JAVA_HOME's Java, and a PATH with the three programs the launcher needs for the class-data
     * archive. A folder with no space in its name: JDK 17 takes no class of the jar from an archive
     * when the jar's path holds one (JDK 25 does).
     */
    private Installation unpackWithJavaHome() throws IOException, InterruptedException {
        return Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Installation.pathWith(work, Map.of("ls", program("ls"), "mv", program("mv"), "rm", program("rm"))), "install")
                .with("JAVA_HOME", System.getProperty("java.home"));
    }

    /** A program of the system's, where Debian and others keep it: /usr/bin, else /bin. */
    static Path program(String name) {
        Path usrBin = Path.of("/usr/bin", name);
        return Files.isExecutable(usrBin) ? usrBin : Path.of("/bin", name);
    }

    /**
     * Options that stop the JVM when it cannot use the archive, instead of running without it, and
     * have it say on stdout where each class came from.
     */
    static String archiveRequired() {
        return (Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on") + " -Xlog:class+load=info";
    }

    /** Whether the run took migstatus's own classes from the archive. */
    static boolean ownClassesFromTheArchive(Run run) {
        return run.out().contains(" dev.migstatus.Main source: shared objects file")
                && run.out().contains(" picocli.CommandLine source: shared objects file");
    }

    @Test
    void theFirstRunMakesAClassArchiveThatLaterRunsUse() throws Exception {
        Installation installed = unpackWithJavaHome();
        Path lib = installed.home().resolve("lib");

        Run first = installed.run("--version");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("", first.err(), "a stderr that is not a terminal is not told");
        assertTrue(first.out().startsWith("migstatus " + VERSION + "\n"), first.out());
        assertTrue(Files.size(lib.resolve("migstatus.jsa")) > 1_000_000, "the archive holds the classes of a run");
        assertTrue(Files.readString(lib.resolve("migstatus.jsa.java")).contains(" " + System.getProperty("java.home") + " \""),
                "it says which Java it serves");
        Map<String, String> made = installed.listing();

        Run once = installed.with("MIGSTATUS_JAVA_OPTS", archiveRequired()).onceAgainstItsSimulator(COMPLETED);
        assertEquals(0, once.exitCode(), once.err());
        assertTrue(once.out().contains("Migration completed: 1 user imported, 0 failed"), once.out());
        assertTrue(ownClassesFromTheArchive(once), "migstatus's and picocli's classes come from the archive");
        assertEquals(made, installed.listing(), "made once, then only read");
    }

    @Test
    void anotherJavaGetsAnArchiveOfItsOwn() throws Exception {
        Installation installed = unpackWithJavaHome();
        Path lib = installed.home().resolve("lib");
        assertEquals(0, installed.run("--version").exitCode());
        Files.writeString(lib.resolve("migstatus.jsa.java"), "/opt/another-java \"17.0.1+12\"\n");

        Run version = installed.with("MIGSTATUS_JAVA_OPTS", archiveRequired()).run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(ownClassesFromTheArchive(version));
        assertTrue(Files.readString(lib.resolve("migstatus.jsa.java")).contains(" " + System.getProperty("java.home") + " \""));
    }

    @Test
    void aJarOlderThanTheArchiveGetsOneOfItsOwn() throws Exception {
        Installation installed = unpackWithJavaHome();
        Path jar = installed.home().resolve("lib/migstatus.jar");
        assertEquals(0, installed.run("--version").exitCode());
        // What a release unpacked over another brings: a different jar, dated before the archive was made.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 86_400_000L));

        Run version = installed.with("MIGSTATUS_JAVA_OPTS", archiveRequired()).run("--version");
        assertEquals(0, version.exitCode(), "the JVM could not use the archive: " + version.err());
        assertEquals("", version.err());
        assertTrue(ownClassesFromTheArchive(version));
    }

    @Test
    void anArchiveThatCouldNotBeMadeIsNotTriedAgain() throws Exception {
        Installation installed = unpackWithJavaHome();
        Path lib = installed.home().resolve("lib");
        // The demo cannot play this: the attempt fails, and the run goes on without an archive.
        Files.writeString(lib.resolve("warm-up.json"), "not a scenario");

        Run first = installed.run("--version");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("", first.err());
        assertTrue(first.out().startsWith("migstatus " + VERSION), first.out());
        assertFalse(Files.exists(lib.resolve("migstatus.jsa")));
        Map<String, String> tried = installed.listing();
        assertTrue(tried.containsKey("lib/migstatus.jsa.java"), "the attempt is remembered");
        assertTrue(tried.keySet().stream().noneMatch(name -> name.contains(".migstatus-archive.")), "no half-made files are left");

        assertEquals(0, installed.run("--version").exitCode());
        assertEquals(tried, installed.listing(), "not tried again for the same Java and jar");
    }

    @Test
    void holdsTheLaunchersTheJarTheManPagesTheCompletionScriptsAndTheSchemas() throws Exception {
        Path home = unpack().home();
        for (String file : new String[] {"bin/migstatus", "bin/migstatus.cmd", "lib/migstatus.jar", "man/man1/migstatus.1",
                "completion/migstatus.bash", "completion/_migstatus", "completion/migstatus.fish", "README.md",
                "schema/report.schema.json", "schema/event.schema.json"}) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file + " is missing");
        }
        assertTrue(Files.isExecutable(home.resolve("bin/migstatus")));
        assertTrue(Files.readString(home.resolve("bin/migstatus.cmd")).contains("\r\n"), "a .cmd file has CRLF line ends");
        String man = Files.readString(home.resolve("man/man1/migstatus.1")).replace("\\-", "-");
        assertTrue(man.contains("--key-file") && man.contains("protocol_error"), "the man page lists options and exit codes");
        assertTrue(Files.readString(home.resolve("completion/_migstatus")).startsWith("#compdef migstatus"));
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarGz() throws Exception {
        Path home = unpack().home();
        Set<String> unpacked = new TreeSet<>(unpack(home));
        Set<String> zipped = new TreeSet<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive("migstatus.archive", ".zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    zipped.add(entry.getName());
                }
            }
        }
        assertEquals(unpacked, zipped);
    }

    private static Set<String> unpack(Path home) throws IOException {
        Set<String> files = new TreeSet<>();
        try (var walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).forEach(file ->
                    files.add(home.getFileName() + "/" + home.relativize(file).toString().replace('\\', '/')));
        }
        return files;
    }

    @Test
    void aLinkToTheLauncherFindsTheInstallation() throws Exception {
        Installation installed = Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Installation.pathWith(work, Map.of("java", Installation.java(), "readlink", program("readlink"))));
        Path links = Files.createDirectories(work.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("migstatus"), installed.home().resolve("bin/migstatus"));
        Run version = installed.run(link, "--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("migstatus " + VERSION), version.out());
    }

    @Test
    void javaHomeAloneIsEnough() throws Exception {
        Installation installed = Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Files.createDirectories(work.resolve("empty")).toString()).with("JAVA_HOME", System.getProperty("java.home"));
        Run version = installed.run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("migstatus " + VERSION), version.out());
    }

    @Test
    void theJvmsOwnWarningsGoToStderrNotIntoTheReport() throws Exception {
        // A young generation larger than the launcher's initial heap: Java's unified logging warns
        // about it (JDK 17 and 25 alike), on stdout unless told otherwise.
        Installation installed = Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Files.createDirectories(work.resolve("empty")).toString())
                .with("JAVA_HOME", System.getProperty("java.home"))
                .with("MIGSTATUS_JAVA_OPTS", "-Xmn200m");
        Run version = installed.run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("migstatus " + VERSION), version.out());
        assertTrue(version.err().contains("NewSize"), version.err());
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        Installation installed = Installation.unpack(archive("migstatus.archive", ".tar.gz"), work,
                Files.createDirectories(work.resolve("empty")).toString());
        Run run = installed.run("--version");
        assertEquals(127, run.exitCode());
        assertEquals("migstatus: no Java found (java): install a Java 17 or later runtime, or set JAVA_HOME\n", run.err());
    }
}
