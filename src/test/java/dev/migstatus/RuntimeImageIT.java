package dev.migstatus;

import dev.migstatus.testing.Installation;
import dev.migstatus.testing.Installation.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime image ({@code mvn -Pruntime verify}, which sets migstatus.runtimeArchive): unpacked
 * into a fresh folder, it runs with no Java on the PATH, on the runtime it carries, and makes its
 * class-data archive with that runtime.
 */
@EnabledIfSystemProperty(named = "migstatus.runtimeArchive", matches = ".+")
class RuntimeImageIT {

    @TempDir
    Path work;

    @Test
    void runsWithNoJavaOnTheMachine() throws Exception {
        // No java on the PATH: only the three programs the launcher needs for the class-data archive. No
        // space in the folder's name: JDK 17 takes no class of the jar from an archive when its path holds one.
        Installation installed = Installation.unpack(ReleaseArchiveIT.archive("migstatus.runtimeArchive", ".tar.gz"), work,
                Installation.pathWith(work, Map.of("ls", ReleaseArchiveIT.program("ls"),
                        "mv", ReleaseArchiveIT.program("mv"), "rm", ReleaseArchiveIT.program("rm"))), "install");
        Path runtime = installed.home().resolve("runtime");
        assertTrue(Files.isExecutable(runtime.resolve("bin/java")));

        Run version = installed.run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("migstatus " + System.getProperty("migstatus.version")), version.out());
        assertTrue(Files.readString(installed.home().resolve("lib/migstatus.jsa.java")).contains(" " + runtime + " \""),
                "the archive is made for the runtime the image carries");
        Map<String, String> before = installed.listing();

        // The simulator needs jdk.httpserver, the watch java.net.http: both must be in the image.
        Run once = installed.with("MIGSTATUS_JAVA_OPTS", ReleaseArchiveIT.archiveRequired())
                .onceAgainstItsSimulator(ReleaseArchiveIT.COMPLETED);
        assertEquals(0, once.exitCode(), once.out() + once.err());
        assertTrue(once.out().contains("Migration completed: 1 user imported, 0 failed"), once.out());
        assertTrue(once.out().contains("\nNAME       E-MAIL"), "the name takes 9 columns, as ICU says: " + once.out());
        assertTrue(ReleaseArchiveIT.ownClassesFromTheArchive(once), "the image's runtime maps migstatus's classes from the archive");

        assertEquals(before, installed.listing(), "nothing more is written into the install folder");
    }
}
