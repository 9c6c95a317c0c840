package dev.migstatus.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** Copies the server's migration log line by line, made safe like every server string. */
public final class LogText {

    private LogText() {
    }

    public static long copy(Reader log, Writer out) throws IOException {
        BufferedReader lines = new BufferedReader(log, 64 * 1024);
        long count = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            out.write(SafeText.lines(line));
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }
}
