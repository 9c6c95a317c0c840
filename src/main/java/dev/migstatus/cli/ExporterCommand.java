package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.fleet.Shard;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.text.Durations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code migstatus exporter}: polls many portals for as long as it runs and serves what it sees to Prometheus. */
@Command(name = "exporter",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = {
            "Polls every portal of --portals (and --host) every --interval until stopped, and serves GET /metrics"
                    + " in the Prometheus text format and GET /healthz. Each series is labelled portal=\"<base URL>\";"
                    + " no key appears in any label or page. --shard I/N takes only this instance's share of the file,"
                    + " so that N exporters given the same file cover every portal once."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  migstatus exporter --portals portals.txt --key-file ~/.docspace-key",
            "  migstatus exporter --portals portals.txt --listen 0.0.0.0:9477 --shard 2/3",
        })
final class ExporterCommand implements Callable<Integer> {

    static final Map<ExitCode, String> EXIT_CODES = Map.of(
            ExitCode.OK, "stopped with Ctrl-C or SIGTERM, its normal end",
            ExitCode.USAGE, "bad options or values, an unusable portals file, an address it cannot listen on",
            ExitCode.INTERNAL_ERROR, "a bug in migstatus");

    /** Past this, polls only queue inside the JDK's HTTP client and the portals' proxies. */
    private static final int MOST_IN_FLIGHT = 1024;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Option(names = "--portals", paramLabel = "FILE",
            description = "The portals: one a line, the URL and optionally key-file=PATH or key-env=NAME; blank lines and"
                    + " # comments are ignored. A portal without its own key uses --key, --key-file or the environment.")
    private Path portals;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = Defaults.EXPORTER_LISTEN,
            description = "Where to serve /metrics and /healthz. Default: ${DEFAULT-VALUE} (this machine only);"
                    + " 0.0.0.0:9477 for every interface.")
    private String listen;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Take only share I of N of the portals (a stable hash of each portal's URL): N exporters with"
                    + " the same file cover every portal once. Default: ${DEFAULT-VALUE}, all of them.")
    private String shard;

    @Option(names = "--interval", paramLabel = "DUR", defaultValue = Defaults.EXPORTER_INTERVAL, converter = DurationConverter.class,
            description = "Time between polls of each portal. Default: ${DEFAULT-VALUE}; at least " + Defaults.MIN_INTERVAL + ".")
    private Duration interval;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = Defaults.MAX_IN_FLIGHT,
            description = "Polls on their way at once; the others wait their turn. Default: ${DEFAULT-VALUE}.")
    private int maxInFlight;

    @Mixin
    private NetworkOptions networkOptions;

    @Spec
    private CommandSpec spec;

    private final Context context;

    ExporterCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--retry-for")) {
            throw new UsageException("--retry-for means nothing to the exporter: it polls each portal every --interval,"
                    + " whatever the last poll brought, and docspace_migration_up says which answered");
        }
        Shard share = shard();
        InetSocketAddress address = address();
        if (interval.compareTo(Durations.parse(Defaults.MIN_INTERVAL)) < 0) {
            throw new UsageException("--interval " + Durations.format(interval) + " is too short: the minimum is " + Defaults.MIN_INTERVAL);
        }
        if (maxInFlight < 1 || maxInFlight > MOST_IN_FLIGHT) {
            throw new UsageException("--max-in-flight " + maxInFlight + ": give a number from 1 to " + MOST_IN_FLIGHT);
        }
        List<Connection> all = connectionOptions.resolveAll(context, portals);
        List<Connection> mine = all.stream().filter(c -> share.owns(c.portal().toString())).toList();
        mine.forEach(c -> context.redactor().add(c.credential().secret()));
        NetworkOptions.Network network = null;
        for (Connection c : all) {
            network = networkOptions.resolve(c, context.env());
        }
        return new ExporterRun(context, mine, all.size(), share, address, interval, maxInFlight, network).run();
    }

    private Shard shard() {
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard " + e.getMessage());
        }
    }

    /** HOST:PORT, [IPv6]:PORT; the host is looked up once, here. */
    private InetSocketAddress address() {
        String text = listen.strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = colon < 0 ? "" : text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (host.isEmpty() || number < 0 || number > 65_535) {
            throw new UsageException("--listen " + listen + ": give HOST:PORT, e.g. " + Defaults.EXPORTER_LISTEN + " or 0.0.0.0:9477");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw new UsageException("--listen " + listen + ": no such address on this machine: " + host);
        }
    }

}
