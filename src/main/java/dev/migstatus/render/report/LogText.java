package dev.migstatus.render.report;

import dev.migstatus.text.Cut;
import dev.migstatus.text.SafeText;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Copies the server's migration log line by line, made safe like every server string. A line is
 * kept to {@link Cut#MAX_CHARS} as it is read, so a log that is one line of 100 MB costs no memory.
 * Lines end at LF, CR or CRLF, and are written with LF.
 */
public final class LogText {

    private LogText() {
    }

    /**
     * @throws IOException when reading the log fails
     * @throws UncheckedIOException when writing fails: a full disk is ours, not the portal's, and must
     *                              not be taken for a network fault and retried
     */
    public static void copy(Reader log, Writer out) throws IOException {
        char[] buffer = new char[64 * 1024];
        StringBuilder line = new StringBuilder(256);
        long dropped = 0;
        boolean afterCr = false;
        boolean open = false;
        for (int n = log.read(buffer); n >= 0; n = log.read(buffer)) {
            int i = 0;
            if (n > 0 && afterCr && buffer[0] == '\n') {
                i = 1;
            }
            afterCr = false;
            while (i < n) {
                int lineEnd = i;
                while (lineEnd < n && buffer[lineEnd] != '\n' && buffer[lineEnd] != '\r') {
                    lineEnd++;
                }
                int room = Math.max(0, Math.min(lineEnd - i, Cut.MAX_CHARS - line.length()));
                line.append(buffer, i, room);
                for (int j = i + room; j < lineEnd; j++) {
                    dropped += Cut.utf8Length(buffer[j]);
                }
                open = true;
                if (lineEnd == n) {
                    break;
                }
                write(out, line, dropped);
                line.setLength(0);
                dropped = 0;
                open = false;
                boolean crlf = buffer[lineEnd] == '\r' && lineEnd + 1 < n && buffer[lineEnd + 1] == '\n';
                afterCr = buffer[lineEnd] == '\r' && lineEnd + 1 == n;
                i = lineEnd + (crlf ? 2 : 1);
            }
        }
        if (open && (line.length() > 0 || dropped > 0)) {
            write(out, line, dropped);
        }
        try {
            out.flush();
        } catch (IOException writeFailed) {
            throw new UncheckedIOException(writeFailed);
        }
    }

    private static void write(Writer out, StringBuilder line, long dropped) {
        try {
            out.write(SafeText.lines(line.toString()));
            if (dropped > 0) {
                out.write(Cut.note(dropped));
            }
            out.write('\n');
        } catch (IOException writeFailed) {
            throw new UncheckedIOException(writeFailed);
        }
    }
}
