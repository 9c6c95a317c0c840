package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.HttpTransport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
            "  migstatus --host portal.example.com --until migrated -o json > result.json",
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

    private final Context context;

    MigstatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Connection connection = connectionOptions.resolve(context);
        context.redactor().add(connection.credential().secret());
        OutputSettings output = outputOptions.resolve(context);
        var settings = watchOptions.resolve(networkOptions.retryFor());
        Reports reports = gateOptions.reports();
        NetworkOptions.Network network = networkOptions.resolve(connection);
        NotifySettings notify = notifyOptions.resolve(context);
        if (notify.webhook() != null) {
            context.redactor().add(notify.webhook().uri().toString());
        }
        WatchPlan plan = new WatchPlan(connection, settings, gateOptions.policy(), output, reports, network, notify);
        try (HttpTransport transport = network.open(connection)) {
            return new WatchRun(context, plan).execute(transport).code();
        }
    }
}
