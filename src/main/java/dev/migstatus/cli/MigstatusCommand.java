package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.watch.WatchSettings;

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
public final class MigstatusCommand implements Callable<Integer> {

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

    private final Context context;
    private final ClientHeadStart headStart;

    public MigstatusCommand(Context context) {
        this(context, ClientHeadStart.none());
    }

    MigstatusCommand(Context context, ClientHeadStart headStart) {
        this.context = context;
        this.headStart = headStart;
    }

    @Override
    public Integer call() {
        Connection connection = connectionOptions.resolve(context);
        context.redactor().add(connection.credential().secret());
        OutputSettings output = outputOptions.resolve(context);
        WatchSettings settings = watchOptions.resolve(networkOptions.retryFor());
        Reports reports = new Reports(gateOptions.junit(), gateOptions.saveLog());
        FailurePolicy policy = gateOptions.policy();
        return new WatchRun(context, connection, output, settings, policy, reports, networkOptions.verbose())
                .execute(networkOptions.httpClient(connection, headStart), networkOptions.clientSettings(), networkOptions.insecure())
                .code();
    }
}
