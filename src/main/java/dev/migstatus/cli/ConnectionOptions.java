package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.Credential;
import dev.migstatus.docspace.PortalUrl;
import dev.migstatus.fleet.PortalsFile;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which portal, and the key to it: options first, then the environment ONLYOFFICE's own tools read. */
public final class ConnectionOptions implements HelpSection {

    @Override
    public String heading() {
        return "Portal";
    }

    /** A key file is a few hundred bytes; anything much larger is the wrong file. */
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    @Option(names = "--host", paramLabel = "URL", order = 1,
            // Shared with logs, which takes one portal: many portals are for the watch, said at --portals.
            description = "The portal: portal.example.com (https), or a URL with scheme and path prefix."
                    + " Default: $MIGSTATUS_HOST, then $DOCSPACE_BASE_URL.")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--key", paramLabel = "KEY", order = 2,
            description = "An API key (sk-…, sent as a Bearer token) or a session token (sent as the asc_auth_key cookie)."
                    + " Default: $MIGSTATUS_KEY, then $DOCSPACE_API_KEY, then $DOCSPACE_AUTH_TOKEN.")
    private String key;

    @Option(names = "--key-file", paramLabel = "PATH", order = 3,
            description = "Read the key from a file, or from standard input with '-'. Keeps it out of the process list.")
    private String keyFile;

    static final String NO_PORTAL = "no portal given: use --host portal.example.com or set MIGSTATUS_HOST";

    /** Neither --host nor the environment names a portal. */
    boolean noPortal(Context context) {
        String hostValue = hosts.isEmpty() ? context.firstEnv(Defaults.HOST_ENV) : hosts.get(0);
        return hostValue == null || hostValue.isBlank();
    }

    /** The one portal of a command that takes one. */
    Connection resolve(Context context) {
        if (hosts.size() > 1) {
            throw usage("--host is given " + hosts.size() + " times: this command takes one portal");
        }
        if (noPortal(context)) {
            throw usage(NO_PORTAL);
        }
        String hostValue = hosts.isEmpty() ? context.firstEnv(Defaults.HOST_ENV) : hosts.get(0);
        PortalUrl portal = portal("--host", hostValue);
        return connect(portal, findKey(context));
    }

    /**
     * Every portal given with {@code --host} and in {@code --portals FILE}, each with its own key or
     * the global one; without either, the one portal of the environment.
     *
     * @param portalsFile null when not given
     */
    List<Connection> resolveAll(Context context, Path portalsFile) {
        if (portalsFile == null && hosts.size() <= 1) {
            return List.of(resolve(context));
        }
        Map<String, String> seen = new HashMap<>();
        List<Connection> connections = new ArrayList<>();
        GlobalKey global = new GlobalKey(context);
        for (String host : hosts) {
            PortalUrl portal = portal("--host", host);
            remember(seen, portal, "--host " + host);
            connections.add(connect(portal, global.get()));
        }
        if (portalsFile != null) {
            List<PortalsFile.Entry> entries;
            try {
                entries = PortalsFile.read(portalsFile, url -> PortalUrl.parse(url).toString());
            } catch (PortalsFile.Invalid e) {
                throw usage("--portals " + e.getMessage());
            }
            for (PortalsFile.Entry entry : entries) {
                PortalUrl portal = PortalUrl.parse(entry.url());
                remember(seen, portal, entry.where());
                connections.add(connect(portal, key(context, entry, global)));
            }
        }
        return connections;
    }

    private static void remember(Map<String, String> seen, PortalUrl portal, String where) {
        String earlier = seen.putIfAbsent(portal.toString(), where);
        if (earlier != null) {
            throw usage(portal + " is given twice (" + earlier + ", " + where + "); give each portal once");
        }
    }

    private static PortalUrl portal(String option, String value) {
        try {
            return PortalUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private static Connection connect(PortalUrl portal, FoundKey found) {
        try {
            return new Connection(portal, Credential.of(found.value()), found.source());
        } catch (IllegalArgumentException e) {
            throw usage("the key from " + found.source() + " is not usable: " + e.getMessage());
        }
    }

    private FoundKey key(Context context, PortalsFile.Entry entry, GlobalKey global) {
        if (entry.key() instanceof PortalsFile.KeyFile file) {
            String label = entry.where() + ": key-file=" + file.path();
            return new FoundKey(readKeyFile(context, file.path().toString(), label), label);
        }
        if (entry.key() instanceof PortalsFile.KeyEnv env) {
            String value = context.env().get(env.name());
            if (value == null || value.isBlank()) {
                throw usage("--portals " + entry.where() + ": key-env=" + env.name() + ", but " + env.name() + " is not set");
            }
            return new FoundKey(value, env.name() + " (" + entry.where() + ")");
        }
        return global.get();
    }

    /** The key for portals without their own, looked for only when one needs it: once. */
    private final class GlobalKey {
        private final Context context;
        private FoundKey found;

        GlobalKey(Context context) {
            this.context = context;
        }

        FoundKey get() {
            if (found == null) {
                found = findKey(context);
            }
            return found;
        }
    }

    private record FoundKey(String value, String source) {
    }

    private FoundKey findKey(Context context) {
        if (key != null && keyFile != null) {
            throw usage("--key and --key-file both given: give the key once");
        }
        if (key != null) {
            return new FoundKey(key, "--key");
        }
        if (keyFile != null) {
            return new FoundKey(readKeyFile(context, keyFile, "--key-file " + keyFile), "--key-file");
        }
        for (String name : Defaults.KEY_ENV) {
            String value = context.env().get(name);
            if (value != null && !value.isBlank()) {
                return new FoundKey(value, name);
            }
        }
        throw usage("no key given: use --key-file PATH, --key KEY, or set MIGSTATUS_KEY");
    }

    /** @param label the option or file line that names it, for messages */
    private static String readKeyFile(Context context, String keyFile, String label) {
        try {
            byte[] bytes;
            if (keyFile.equals("-")) {
                if (context.terminal().inputInteractive()) {
                    throw usage("--key-file -: standard input is a terminal; pipe the key in"
                            + " (--key-file - < file) or give --key-file PATH");
                }
                bytes = readLimited(context.stdin());
            } else {
                try (InputStream in = Files.newInputStream(Path.of(keyFile))) {
                    bytes = readLimited(in);
                }
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw usage(label + ": no such file");
        } catch (IOException e) {
            throw usage(label + ": cannot read it (" + IoErrors.describe(e) + ")");
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        if (bytes.length > MAX_KEY_FILE_BYTES) {
            throw new IOException("larger than a key file can be");
        }
        return bytes;
    }

    private static UsageException usage(String message) {
        return new UsageException(message);
    }
}
