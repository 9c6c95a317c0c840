package dev.migstatus.render.report;

import dev.migstatus.text.SafeText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Copies the server's migration log line by line, made safe like every server string. */
public final class LogText {

    private LogText() {
    }

    /**
     * @throws IOException when reading the log fails
     * @throws UncheckedIOException when writing fails: a full disk is ours, not the portal's, and must
     *                              not be taken for a network fault and retried
     */
    public static void copy(Reader log, Writer out) throws IOException {
        BufferedReader lines = new BufferedReader(log, 64 * 1024);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            try {
                out.write(SafeText.lines(line));
                out.write('\n');
            } catch (IOException writeFailed) {
                throw new UncheckedIOException(writeFailed);
            }
        }
        try {
            out.flush();
        } catch (IOException writeFailed) {
            throw new UncheckedIOException(writeFailed);
        }
    }
}
