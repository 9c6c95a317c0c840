package dev.migstatus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files being written at this moment: a report file is written beside its target
 * and moved over it when whole. A second Ctrl-C ends the process at once, without the code that
 * would remove them; it removes these first.
 */
public final class PartFiles {

    private final Set<Path> files = ConcurrentHashMap.newKeySet();

    void add(Path file) {
        files.add(file);
    }

    void remove(Path file) {
        files.remove(file);
    }

    /** Removes every file still being written; called from a signal handler, so it never throws. */
    public void deleteAll() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException leftBehind) {
                // A file that cannot be removed now stays: the process is ending.
            }
        }
    }
}
