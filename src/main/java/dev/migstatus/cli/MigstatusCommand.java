package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.outcome.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code migstatus --host … --key …}: watches the portal's migration to its end. */
@Command(name = "migstatus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = {
            "Watches an ONLYOFFICE DocSpace data migration until the operation completes: shows its progress,"
                    + " then the users and groups, and exits with a code that says how it went."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  migstatus --host portal.example.com --key-file ~/.docspace-key",
            "  migstatus --host portal.example.com --key-file ~/.docspace-key \\",
            "      --until migrated -o json > result.json",
        })
final class MigstatusCommand implements Callable<Integer> {

    @Mixin
    private ConnectionOptions connectionOptions;

    @Mixin
    private WatchOptions watchOptions;

    @Mixin
    private OutputOptions outputOptions;

    @Mixin
    private GateOptions gateOptions;

    @Mixin
    private NetworkOptions networkOptions;

    @Mixin
    private NotifyOptions notifyOptions;

    @Mixin
    private FleetOptions fleetOptions;

    private final Context context;

    MigstatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (fleetOptions.portalsFile() == null && connectionOptions.noPortal(context)) {
            // Often the first thing a newcomer types is migstatus alone.
            throw new UsageException(ConnectionOptions.NO_PORTAL + "; to see it at work without one: migstatus demo");
        }
        List<Connection> portals = connectionOptions.resolveAll(context, fleetOptions.portalsFile());
        portals.forEach(portal -> context.redactor().add(portal.credential().secret()));
        if (portals.size() > 1) {
            return fleet(portals).code();
        }
        Connection connection = portals.get(0);
        OutputSettings output = outputOptions.resolve(context);
        var settings = watchOptions.resolve(networkOptions.retryFor());
        Reports reports = gateOptions.reports();
        NetworkOptions.Network network = networkOptions.resolve(connection, context.env());
        NotifySettings notify = notifyOptions.resolve(context);
        WatchPlan plan = new WatchPlan(connection, settings, gateOptions.policy(), output, reports, network, notify);
        try (HttpTransport transport = network.open(connection, context.cancellation())) {
            return new WatchRun(context, plan).execute(transport).code();
        }
    }

    /** Two or more portals: each watched as one would be, all at once. */
    private ExitCode fleet(List<Connection> portals) {
        OutputSettings output = outputOptions.resolve(context);
        var settings = watchOptions.resolve(networkOptions.retryFor());
        NetworkOptions.Network network = null;
        for (Connection portal : portals) {
            network = networkOptions.resolve(portal, context.env());
        }
        NotifySettings notify = notifyOptions.resolve(context);
        FleetPlan plan = new FleetPlan(portals, settings, gateOptions.policy(), output, gateOptions.fleetReports(), network,
                notify, fleetOptions.maxInFlight());
        try (HttpTransport transport = network.open(portals, context.cancellation())) {
            return new FleetRun(context, plan).execute(transport);
        }
    }
}
