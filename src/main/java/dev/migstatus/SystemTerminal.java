package dev.migstatus;

import dev.migstatus.cli.Terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Finds out which standard streams are terminals, and how wide, without native code. */
final class SystemTerminal {

    private SystemTerminal() {
    }

    static Terminal detect(Map<String, String> env) {
        boolean dumb = "dumb".equals(env.get("TERM")) || showsEscapesAsText(System.getProperty("os.name", ""), env);
        boolean out = !dumb && isTerminal(1);
        boolean err = !dumb && isTerminal(2);
        boolean in = isTerminal(0);
        Size size = out || err ? new Size(env) : null;
        return new Terminal(out, err, in, out ? size::columns : () -> fromEnv(env, "COLUMNS", Terminal.DEFAULT_COLUMNS),
                out ? size::rows : () -> Terminal.DEFAULT_ROWS,
                err ? size::columns : () -> fromEnv(env, "COLUMNS", Terminal.DEFAULT_COLUMNS));
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

    private static int fromEnv(Map<String, String> env, String name, int fallback) {
        try {
            int value = Integer.parseInt(env.getOrDefault(name, "").strip());
            return value >= (name.equals("LINES") ? 3 : 20) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Asks {@code stty} when first needed, and again after the terminal says it was resized
     * (SIGWINCH): a live line reads the width for every frame, so a resize costs one {@code stty}
     * and a frame, and the report at the end fits the terminal as it is then.
     */
    private static final class Size {
        private final Map<String, String> env;
        private int columns;
        private int rows;
        private int[] asked;
        private volatile boolean resized;

        Size(Map<String, String> env) {
            this.env = env;
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> resized = true);
            } catch (IllegalArgumentException unsupported) {
                // No SIGWINCH here (Windows): the size asked first stays.
            }
        }

        synchronized int columns() {
            followResize();
            if (columns == 0) {
                columns = fromEnv(env, "COLUMNS", 0);
                if (columns == 0) {
                    columns = stty()[1];
                }
            }
            return columns;
        }

        synchronized int rows() {
            followResize();
            if (rows == 0) {
                rows = fromEnv(env, "LINES", 0);
                if (rows == 0) {
                    rows = stty()[0];
                }
            }
            return rows;
        }

        /** After a resize, $COLUMNS and $LINES are stale too: only stty knows. */
        private void followResize() {
            if (resized) {
                resized = false;
                asked = askStty();
                rows = asked[0];
                columns = asked[1];
            }
        }

        /** Rows and columns, asked once. */
        private int[] stty() {
            if (asked == null) {
                asked = askStty();
            }
            return asked;
        }

        /** Rows and columns, or the defaults when stty cannot tell. */
        private static int[] askStty() {
            int[] unknown = {Terminal.DEFAULT_ROWS, Terminal.DEFAULT_COLUMNS};
            try {
                Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                        .redirectErrorStream(true).start();
                if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return unknown;
                }
                String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
                if (parts.length != 2) {
                    return unknown;
                }
                int rows = Integer.parseInt(parts[0]);
                int columns = Integer.parseInt(parts[1]);
                return new int[] {rows >= 3 ? rows : Terminal.DEFAULT_ROWS, columns >= 20 ? columns : Terminal.DEFAULT_COLUMNS};
            } catch (IOException | NumberFormatException e) {
                return unknown;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unknown;
            }
        }
    }
}
