package dev.migstatus.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What went wrong with a local file, in words: Java's messages are often only the path. */
final class IoErrors {

    private IoErrors() {
    }

    static String describe(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
