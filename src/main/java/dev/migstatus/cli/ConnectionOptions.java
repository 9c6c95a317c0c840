package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.Credential;
import dev.migstatus.docspace.PortalUrl;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Which portal, and the key to it: options first, then the environment ONLYOFFICE's own tools read. */
public final class ConnectionOptions implements HelpSection {

    @Override
    public String heading() {
        return "Portal";
    }

    /** A key file is a few hundred bytes; anything much larger is the wrong file. */
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    @Option(names = "--host", paramLabel = "URL", order = 1,
            description = "The portal: portal.example.com (https), or a URL with scheme and path prefix."
                    + " Default: $MIGSTATUS_HOST, then $DOCSPACE_BASE_URL.")
    private String host;

    @Option(names = "--key", paramLabel = "KEY", order = 2,
            description = "An API key (sk-…, sent as a Bearer token) or a session token (sent as the asc_auth_key cookie)."
                    + " Default: $MIGSTATUS_KEY, then $DOCSPACE_API_KEY, then $DOCSPACE_AUTH_TOKEN.")
    private String key;

    @Option(names = "--key-file", paramLabel = "PATH", order = 3,
            description = "Read the key from a file, or from standard input with '-'. Keeps it out of the process list.")
    private String keyFile;

    Connection resolve(Context context) {
        String hostValue = host != null ? host : context.firstEnv(Defaults.HOST_ENV);
        if (hostValue == null || hostValue.isBlank()) {
            throw usage("no portal given: use --host portal.example.com or set MIGSTATUS_HOST");
        }
        PortalUrl portal;
        try {
            portal = PortalUrl.parse(hostValue);
        } catch (IllegalArgumentException e) {
            throw usage("--host: " + e.getMessage());
        }
        FoundKey found = findKey(context);
        try {
            return new Connection(portal, Credential.of(found.value()), found.source());
        } catch (IllegalArgumentException e) {
            throw usage("the key from " + found.source() + " is not usable: " + e.getMessage());
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
            return new FoundKey(readKeyFile(context), "--key-file");
        }
        for (String name : Defaults.KEY_ENV) {
            String value = context.env().get(name);
            if (value != null && !value.isBlank()) {
                return new FoundKey(value, name);
            }
        }
        throw usage("no key given: use --key-file PATH, --key KEY, or set MIGSTATUS_KEY");
    }

    private String readKeyFile(Context context) {
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
            throw usage("--key-file " + keyFile + ": no such file");
        } catch (IOException e) {
            throw usage("--key-file " + keyFile + ": cannot read it (" + IoErrors.describe(e) + ")");
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
