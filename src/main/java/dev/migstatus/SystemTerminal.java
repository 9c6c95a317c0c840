package dev.migstatus;

import dev.migstatus.cli.Terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Finds out whether stdout is a terminal and how wide it is, without native code. */
final class SystemTerminal {

    private SystemTerminal() {
    }

    static Terminal detect(Map<String, String> env) {
        // System.console() is non-null only when both stdin and stdout are terminals.
        boolean interactive = System.console() != null && !"dumb".equals(env.get("TERM"));
        return new Terminal(interactive, interactive ? new Columns(env) : () -> fromEnv(env, Terminal.DEFAULT_COLUMNS));
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
