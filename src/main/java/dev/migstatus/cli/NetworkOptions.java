package dev.migstatus.cli;

import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.EnvironmentProxies;
import dev.migstatus.docspace.HttpClients;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.docspace.PortalUrl;
import dev.migstatus.docspace.TransportSettings;
import dev.migstatus.watch.Cancellation;

import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How to reach the portal and how long to put up with it not answering. */
public final class NetworkOptions implements HelpSection {

    @Override
    public String heading() {
        return "Network and security";
    }

    @Option(names = "--retry-for", paramLabel = "DUR", defaultValue = Defaults.RETRY_FOR, converter = DurationConverter.class,
            description = "How long to keep retrying while the portal fails (network, 5xx, 429); a success resets it. 0 fails at the first error. Default: ${DEFAULT-VALUE}.")
    private Duration retryFor;

    @Option(names = "--connect-timeout", paramLabel = "DUR", defaultValue = Defaults.CONNECT_TIMEOUT, converter = DurationConverter.class,
            description = "The longest a connection may take to open. Default: ${DEFAULT-VALUE}.")
    private Duration connectTimeout;

    @Option(names = "--request-timeout", paramLabel = "DUR", defaultValue = Defaults.REQUEST_TIMEOUT, converter = DurationConverter.class,
            description = "The longest one request may take, answer included. Default: ${DEFAULT-VALUE}.")
    private Duration requestTimeout;

    @Option(names = "--max-response-size", paramLabel = "SIZE", defaultValue = Defaults.MAX_RESPONSE_SIZE, converter = SizeConverter.class,
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

    /** How long a streak of failures is ridden out; checked with the rest in {@link #resolve}. */
    Duration retryFor() {
        return retryFor;
    }

    /** Checks the options against the portal they are for; what would put the key at risk is refused here. */
    Network resolve(Connection connection, Map<String, String> env) {
        PortalUrl portal = connection.portal();
        if (!portal.isHttps() && !allowHttp && !portal.isLoopback()) {
            // A name that reads as this machine but is not, by a hosts entry or a resolver, is said to be so.
            List<InetAddress> addresses = portal.addresses();
            String notHere = PortalUrl.isLoopbackHost(portal.host()) && !addresses.isEmpty()
                    ? " (" + portal.host() + " is " + addresses.get(0).getHostAddress() + ", not this machine)"
                    : "";
            throw new UsageException("--host " + portal + " is plain http" + notHere
                    + ": the key would cross the network in clear text; use https:// or, if you must, --allow-http");
        }
        if (insecure && caCert != null) {
            throw new UsageException("--insecure and --cacert both given: --cacert verifies with your CA, --insecure verifies nothing; choose one");
        }
        if (caCert != null && !Files.isReadable(caCert)) {
            throw new UsageException("--cacert " + caCert + ": no such file, or not readable");
        }
        positive("--connect-timeout", connectTimeout);
        positive("--request-timeout", requestTimeout);
        if (retryFor.isNegative()) {
            throw new UsageException("--retry-for cannot be negative");
        }
        EnvironmentProxies proxies;
        try {
            proxies = EnvironmentProxies.from(env);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Network(new TransportSettings(connectTimeout, caCert, insecure, proxies),
                new ClientSettings(requestTimeout, maxResponseSize, VersionProvider.userAgent()), retryFor, verbose);
    }

    private static void positive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new UsageException(option + " must be longer than 0");
        }
    }

    /**
     * The network settings of a run.
     *
     * @param retryFor how long a streak of failures is ridden out
     * @param verbose  every request and answer on stderr
     */
    record Network(TransportSettings transport, ClientSettings client, Duration retryFor, boolean verbose) {

        /** For -v: the proxies the environment names, or null when it names none. */
        String proxyNote() {
            return transport.proxies() == null ? null : "proxies from the environment: " + transport.proxies().description();
        }

        /** What --insecure gives away, said on every run; nothing for a plain-http portal, which has no certificate. */
        String insecureWarning(Connection connection) {
            return transport.insecure() && connection.portal().isHttps()
                    ? "--insecure: the certificate of " + connection.portal().authority()
                    + " is not verified; anyone on the way can read the key"
                    : null;
        }

        /**
         * The run's HTTP transport, with TLS set up only for an https portal. A CA file is read at
         * once: one that cannot be used is a usage error before anything else happens.
         */
        HttpTransport open(Connection connection, Cancellation cancellation) {
            return open(List.of(connection), cancellation);
        }

        /**
         * One transport for a fleet: TLS set up when any of its portals is https.
         *
         * @param cancellation Ctrl-C: it cuts off the bodies still arriving then
         */
        HttpTransport open(List<Connection> connections, Cancellation cancellation) {
            boolean tls = connections.stream().anyMatch(c -> c.portal().isHttps());
            HttpTransport transport = new HttpTransport(() -> HttpClients.create(this.transport, tls));
            cancellation.whenCancelled(transport::cutInFlight);
            if (this.transport.caCertFile() != null) {
                try {
                    transport.client();
                } catch (IllegalArgumentException badCaFile) {
                    transport.close();
                    throw new UsageException("--cacert " + badCaFile.getMessage());
                }
            }
            return transport;
        }
    }
}
