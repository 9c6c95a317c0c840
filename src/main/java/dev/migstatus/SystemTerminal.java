package dev.migstatus;

import dev.migstatus.cli.Terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Finds out which standard streams are terminals, and how wide, without native code. */
final class SystemTerminal {

    private SystemTerminal() {
    }

    static Terminal detect(Map<String, String> env) {
        boolean dumb = "dumb".equals(env.get("TERM")) || showsEscapesAsText(System.getProperty("os.name", ""), env);
        boolean out = !dumb && isTerminal(1);
        boolean err = !dumb && isTerminal(2);
        boolean in = isTerminal(0);
        return new Terminal(out, err, in, out ? new Columns(env) : () -> fromEnv(env, Terminal.DEFAULT_COLUMNS));
    }

    /**
     * A Windows console that does not say it understands escape codes prints them as text, so it
     * gets plain lines: Windows Terminal sets WT_SESSION, ConEmu ConEmuANSI=ON, VS Code
     * TERM_PROGRAM, and mintty or MSYS a TERM.
     */
    static boolean showsEscapesAsText(String osName, Map<String, String> env) {
        return osName.startsWith("Windows") && env.get("WT_SESSION") == null && !"ON".equals(env.get("ConEmuANSI"))
                && env.get("TERM_PROGRAM") == null && env.get("TERM") == null;
    }

    /**
     * On Linux each stream is asked on its own (System.console() needs stdin to be a terminal too,
     * so a key piped in on stdin would turn the live display off); elsewhere the console decides.
     */
    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException noProcfs) {
            return System.console() != null;
        }
    }

    private static int fromEnv(Map<String, String> env, int fallback) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            return columns >= 20 ? columns : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Asks {@code stty} once, when first needed; a resize during a watch is not followed. */
    private static final class Columns implements IntSupplier {
        private final Map<String, String> env;
        private int columns;

        Columns(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public synchronized int getAsInt() {
            if (columns == 0) {
                columns = fromEnv(env, 0);
                if (columns == 0) {
                    columns = stty();
                }
            }
            return columns;
        }

        private static int stty() {
            try {
                Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                        .redirectErrorStream(true).start();
                if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return Terminal.DEFAULT_COLUMNS;
                }
                String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
                int columns = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
                return columns >= 20 ? columns : Terminal.DEFAULT_COLUMNS;
            } catch (IOException | NumberFormatException e) {
                return Terminal.DEFAULT_COLUMNS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Terminal.DEFAULT_COLUMNS;
            }
        }
    }
}
