package dev.migstatus.cli;

import dev.migstatus.docspace.PortalUrl;
import dev.migstatus.docspace.TransportSettings;

import java.util.Map;

/**
 * The HTTP client, started from a glance at the arguments before picocli has read them: picocli
 * takes 150 ms to build its model and parse, the client 30 ms (200 with TLS), and on two cores
 * the two overlap. The glance only recognises the plain case (a host, maybe --insecure); the
 * command takes the client only when the options it parsed ask for exactly that one, and
 * otherwise builds its own. A client nobody took is released, so it never delays the exit.
 */
final class ClientHeadStart {

    private PendingClient guessed;

    private ClientHeadStart(PendingClient guessed) {
        this.guessed = guessed;
    }

    static ClientHeadStart none() {
        return new ClientHeadStart(null);
    }

    static ClientHeadStart guess(String[] args, Map<String, String> env) {
        String host = null;
        boolean insecure = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help", "-V", "--version", "--cacert", "--connect-timeout" -> {
                    return none();
                }
                case "--insecure" -> insecure = true;
                case "--host" -> host = i + 1 < args.length ? args[++i] : null;
                default -> {
                    if (arg.startsWith("--host=")) {
                        host = arg.substring("--host=".length());
                    } else if (arg.startsWith("--cacert=") || arg.startsWith("--connect-timeout=")) {
                        return none();
                    }
                }
            }
        }
        for (int i = 0; host == null && i < ConnectionOptions.HOST_ENV.length; i++) {
            String value = env.get(ConnectionOptions.HOST_ENV[i]);
            host = value == null || value.isBlank() ? null : value;
        }
        if (host == null) {
            return none();
        }
        boolean tls;
        try {
            tls = PortalUrl.parse(host).isHttps();
        } catch (IllegalArgumentException notAHost) {
            return none();
        }
        return new ClientHeadStart(PendingClient.start(
                new TransportSettings(TransportSettings.DEFAULT_CONNECT_TIMEOUT, null, insecure), tls));
    }

    /** The client these settings ask for: the one already started when it is that one. */
    PendingClient take(TransportSettings transport, boolean tls) {
        PendingClient started = guessed;
        guessed = null;
        if (started != null && started.isFor(transport, tls)) {
            return started;
        }
        if (started != null) {
            started.discard();
        }
        return PendingClient.start(transport, tls);
    }

    /** The client started from the arguments and not yet taken, or null. */
    PendingClient started() {
        return guessed;
    }

    /** At the end of a run: a client nobody took is released. */
    void discardUnused() {
        if (guessed != null) {
            guessed.discard();
            guessed = null;
        }
    }
}
