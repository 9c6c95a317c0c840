package dev.migstatus.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hints a person needs to read once, not on every run: each is remembered as an empty file in
 * migstatus's state directory ({@link Defaults#stateDirectory}). Where there is none, or it cannot
 * be written, the hint is given again next time rather than never.
 */
final class OneTimeHints {

    private OneTimeHints() {
    }

    /** True the first time {@code name} is asked about; it is then remembered. */
    static boolean firstTime(Context context, String name) {
        Path directory = Defaults.stateDirectory(context.env());
        if (directory == null) {
            return true;
        }
        Path marker = directory.resolve(name);
        if (Files.exists(marker)) {
            return false;
        }
        try {
            Files.createDirectories(directory);
            Files.createFile(marker);
        } catch (FileAlreadyExistsException anotherRunWasFirst) {
            return false;
        } catch (IOException cannotRemember) {
            // Said now, and again next time.
        }
        return true;
    }
}
