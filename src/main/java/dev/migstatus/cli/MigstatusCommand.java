package dev.migstatus.cli;

import dev.migstatus.watch.FailurePolicy;
import dev.migstatus.watch.WatchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;

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

    @ArgGroup(validate = false, heading = "%nPortal:%n", order = 1)
    private ConnectionOptions connectionOptions = new ConnectionOptions();

    @ArgGroup(validate = false, heading = "%nWatching:%n", order = 2)
    private WatchOptions watchOptions = new WatchOptions();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 3)
    private OutputOptions outputOptions = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nGate and reports:%n", order = 4)
    private GateOptions gateOptions = new GateOptions();

    @ArgGroup(validate = false, heading = "%nNetwork and security:%n", order = 5)
    private NetworkOptions networkOptions = new NetworkOptions();

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
