package dev.migstatus.cli;

import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.TransportSettings;

import picocli.CommandLine.Option;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** How to reach the portal and how long to put up with it not answering. */
public final class NetworkOptions implements HelpSection {

    @Override
    public String heading() {
        return "Network and security";
    }

    @Option(names = "--retry-for", paramLabel = "DUR", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to keep retrying while the portal fails (network, 5xx, 429); a success resets it. 0 fails at the first error. Default: ${DEFAULT-VALUE}.")
    private Duration retryFor;

    @Option(names = "--connect-timeout", paramLabel = "DUR", defaultValue = "10s", converter = DurationConverter.class,
            description = "The longest a connection may take to open. Default: ${DEFAULT-VALUE}.")
    private Duration connectTimeout;

    @Option(names = "--request-timeout", paramLabel = "DUR", defaultValue = "30s", converter = DurationConverter.class,
            description = "The longest one request may take, answer included. Default: ${DEFAULT-VALUE}.")
    private Duration requestTimeout;

    @Option(names = "--max-response-size", paramLabel = "SIZE", defaultValue = "256MB", converter = SizeConverter.class,
            description = "Refuse a larger answer instead of running out of memory. Default: ${DEFAULT-VALUE}.")
    private long maxResponseSize;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "Also trust the certificates in this PEM file: for portals with a private CA.")
    private Path caCert;

    @Option(names = "--insecure", description = "Do not verify the portal's certificate. Anyone on the way can then read the key.")
    private boolean insecure;

    @Option(names = "--allow-http", description = "Allow plain http:// to a host that is not this machine. The key then crosses the network in clear text.")
    private boolean allowHttp;

    @Option(names = {"-v", "--verbose"}, description = "Print every request and answer on stderr (the key is never shown).")
    private boolean verbose;

    Duration retryFor() {
        return retryFor;
    }

    boolean verbose() {
        return verbose;
    }

    boolean insecure() {
        return insecure;
    }

    /**
     * The run's HTTP client, once what would put the key at risk has been refused: built on a second
     * thread, or already being built since before the arguments were parsed, with TLS only for an
     * https portal.
     */
    Supplier<HttpClient> httpClient(Connection connection, ClientHeadStart headStart) {
        TransportSettings transport = transport(connection);
        PendingClient client = headStart.take(transport, connection.portal().isHttps());
        if (transport.caCertFile() != null) {
            client.get(); // a CA file that cannot be used is a usage error before anything else happens
        }
        return client;
    }

    ClientSettings clientSettings() {
        return new ClientSettings(requestTimeout, connectTimeout, maxResponseSize, VersionProvider.userAgent());
    }

    private TransportSettings transport(Connection connection) {
        if (!connection.portal().isHttps() && !connection.portal().isLoopback() && !allowHttp) {
            throw usage("--host " + connection.portal() + " is plain http: the key would cross the network in clear text;"
                    + " use https:// or, if you must, --allow-http");
        }
        if (insecure && caCert != null) {
            throw usage("--insecure and --cacert both given: --cacert verifies with your CA, --insecure verifies nothing; choose one");
        }
        if (caCert != null && !Files.isReadable(caCert)) {
            throw usage("--cacert " + caCert + ": no such file, or not readable");
        }
        positive("--connect-timeout", connectTimeout);
        positive("--request-timeout", requestTimeout);
        if (retryFor.isNegative()) {
            throw usage("--retry-for cannot be negative");
        }
        return new TransportSettings(connectTimeout, caCert, insecure);
    }

    private void positive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw usage(option + " must be longer than 0");
        }
    }

    private static UsageException usage(String message) {
        return new UsageException(message);
    }
}
