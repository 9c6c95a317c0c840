package dev.migstatus.cli;

import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.Credential;
import dev.migstatus.docspace.HttpClients;
import dev.migstatus.docspace.PortalUrl;
import dev.migstatus.docspace.TransportSettings;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code migstatus demo}: the whole tool at work in one command, against a simulated portal on this machine. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Shows migstatus at work in about 15 s, no portal needed.",
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = {
            "Shows migstatus at work without a portal: starts a simulated portal on this machine (see 'migstatus"
                    + " simulate') and watches it with --until migrated, progress, report and all, in about 15 s."
                    + " Exits with the code the scenario leads to."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  migstatus demo",
            "  migstatus demo --scenario failed-users; echo \"exit code $?\"",
        })
final class DemoCommand implements Callable<Integer> {

    /** Short enough that the show moves, long enough to be a believable poll. */
    private static final Duration INTERVAL = Duration.ofMillis(500);
    /** A scenario that never completes a migration still ends the demo this long after its last frame. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "clean",
            completionCandidates = ScenarioChoice.Names.class, description = ScenarioChoice.DESCRIPTION)
    private String scenario;

    private final Context context;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScenarioChoice choice = ScenarioChoice.of(scenario);
        String key = SimulatedPortal.newKey();
        context.redactor().add(key);
        OutputSettings output = new OutputOptions().resolve(context);
        ExitCode code;
        try (SimulatedPortal portal = SimulatedPortal.start(choice.scenario(), SimulatedPortal.Settings.loopback(key),
                context.clock(), SimulatedPortal.RequestLog.NONE)) {
            context.out().println("migstatus demo: a simulated portal at " + portal.url() + " plays the " + choice.name()
                    + " scenario (about " + Durations.format(choice.length(1)) + "); migstatus watches it with --until migrated");
            context.out().flush();
            Connection connection = new Connection(PortalUrl.parse(portal.url().toString()), Credential.of(key), "the demo's key");
            WatchSettings settings = new WatchSettings(INTERVAL, choice.length(1).plus(GRACE), Until.MIGRATED, false,
                    Duration.ofMinutes(5), WatchSettings.DEFAULT_EMPTY_RECHECKS);
            // The simulated portal is plain http on loopback: no TLS set-up (150 ms of the demo's start).
            HttpClient http = HttpClients.create(new TransportSettings(TransportSettings.DEFAULT_CONNECT_TIMEOUT, null, false), false);
            ClientSettings client = ClientSettings.defaults(VersionProvider.userAgent());
            code = new WatchRun(context, connection, output, settings, FailurePolicy.STRICT, new Reports(null, null), false)
                    .execute(() -> http, client, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated portal on 127.0.0.1", e);
        }
        if (code != ExitCode.INTERRUPTED) {
            context.out().println();
            context.out().println("Exit code " + code.code() + " (" + code.outcome() + "). Other scenarios: " + others(choice)
                    + "; e.g. migstatus demo --scenario " + (choice.builtIn() == BuiltInScenario.FAILED_USERS ? "fatal" : "failed-users"));
            context.out().flush();
        }
        return code.code();
    }

    private static String others(ScenarioChoice choice) {
        return Arrays.stream(BuiltInScenario.values()).filter(s -> s != choice.builtIn())
                .map(BuiltInScenario::scenarioName).collect(Collectors.joining(", "));
    }
}
