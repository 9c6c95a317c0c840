package dev.migstatus.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads {@code --portals FILE}: one portal a line, its URL and, optionally, where its own key is:
 * <pre>
 * # customer portals, one a line
 * https://berlin.example.com
 * https://paris.example.com    key-file=keys/paris.key
 * lyon.example.com             key-env=LYON_KEY   # a comment may end a line
 * </pre>
 * Blank lines and everything from a {@code #} at the start of a line or after a space are ignored.
 * A relative key file is found beside the portals file, so a folder of both moves as one.
 */
public final class PortalsFile {

    /** A portal's own key, if the line names one. */
    public sealed interface KeySource permits GlobalKey, KeyFile, KeyEnv {
    }

    /** No key on the line: the one given with --key, --key-file or the environment. */
    public record GlobalKey() implements KeySource {
    }

    public record KeyFile(Path path) implements KeySource {
    }

    public record KeyEnv(String name) implements KeySource {
    }

    /**
     * @param url   as {@code normalize} returned it
     * @param where {@code FILE:LINE}, for messages about this portal
     */
    public record Entry(String url, KeySource key, String where) {
    }

    /** Anything wrong with the file, as one line that names it (and the line). */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

    private PortalsFile() {
    }

    /**
     * @param normalize checks a URL and returns it in the one form two spellings of a portal share;
     *                  throws IllegalArgumentException with a message fit to show
     * @throws Invalid  with {@code FILE:LINE: what is wrong; what to do}
     */
    public static List<Entry> read(Path file, UnaryOperator<String> normalize) throws Invalid {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String where = file + ":" + number;
                Entry entry = parse(line, number == 1, where, file, normalize);
                if (entry == null) {
                    continue;
                }
                String earlier = seen.putIfAbsent(entry.url(), where);
                if (earlier != null) {
                    throw new Invalid(where + ": " + entry.url() + " is already listed at " + earlier + "; list each portal once");
                }
                entries.add(entry);
            }
        } catch (NoSuchFileException e) {
            throw new Invalid(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new Invalid(file + ": not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new Invalid(file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) {
            throw new Invalid(file + ": lists no portal; write one URL a line");
        }
        return entries;
    }

    private static Entry parse(String raw, boolean first, String where, Path file, UnaryOperator<String> normalize)
            throws Invalid {
        String line = first && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        line = COMMENT.matcher(line).replaceFirst("").strip();
        if (line.isEmpty()) {
            return null;
        }
        String[] parts = line.split("\\s+", 2);
        String url;
        try {
            url = normalize.apply(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new Invalid(where + ": " + e.getMessage());
        }
        KeySource key = parts.length == 1 ? new GlobalKey() : key(parts[1].strip(), where, file);
        return new Entry(url, key, where);
    }

    private static KeySource key(String option, String where, Path file) throws Invalid {
        if (option.startsWith("key-file=")) {
            String path = option.substring("key-file=".length()).strip();
            if (path.isEmpty()) {
                throw new Invalid(where + ": key-file= names no file; write key-file=PATH");
            }
            try {
                Path given = Path.of(path);
                Path dir = file.toAbsolutePath().getParent();
                return new KeyFile(given.isAbsolute() || dir == null ? given : dir.resolve(given).normalize());
            } catch (InvalidPathException e) {
                throw new Invalid(where + ": key-file=" + path + " is not a usable path");
            }
        }
        if (option.startsWith("key-env=")) {
            String name = option.substring("key-env=".length()).strip();
            if (!ENV_NAME.matcher(name).matches()) {
                throw new Invalid(where + ": key-env=" + name + " is not an environment variable's name"
                        + " (letters, digits and _, not starting with a digit)");
            }
            return new KeyEnv(name);
        }
        String shown = option.length() > 40 ? option.substring(0, 40) + "…" : option;
        throw new Invalid(where + ": after the URL, expected key-file=PATH or key-env=NAME, found '" + shown + "'");
    }
}
