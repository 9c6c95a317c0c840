package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.Credential;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.docspace.PortalUrl;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = Defaults.SCENARIO,
            completionCandidates = ScenarioChoice.Names.class, description = ScenarioChoice.DESCRIPTION)
    private String scenario;

    @Mixin
    private OutputOptions outputOptions;

    private final Context context;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScenarioChoice choice = ScenarioChoice.of(scenario);
        OutputSettings output = outputOptions.resolve(context);
        // Words for a person go where a document on stdout cannot be disturbed.
        PrintWriter words = output.json() || output.ndjson() ? context.err() : context.out();
        String key = SimulatedPortal.newKey();
        context.redactor().add(key);
        ExitCode code;
        try (SimulatedPortal portal = SimulatedPortal.start(choice.scenario(), SimulatedPortal.Settings.loopback(key),
                context.clock(), SimulatedPortal.RequestLog.NONE)) {
            if (!output.quiet()) {
                // Two lines that fit 80 columns for every built-in scenario.
                words.println("migstatus demo: a simulated portal plays the " + choice.name() + " scenario (about "
                        + Durations.format(choice.length(1)) + ")");
                words.println("at " + portal.url() + "; migstatus watches it with --until migrated.");
                words.flush();
            }
            Connection connection = new Connection(PortalUrl.parse(portal.url().toString()), Credential.of(key), "the demo's key");
            WatchSettings settings = new WatchSettings(INTERVAL, choice.length(1).plus(GRACE), Until.MIGRATED, false,
                    Defaults.retryFor(), WatchSettings.DEFAULT_EMPTY_RECHECKS, Defaults.stallAfter(), false);
            NetworkOptions.Network network = new NetworkOptions.Network(Defaults.transport(), Defaults.clientSettings(),
                    Defaults.retryFor(), false);
            WatchPlan plan = new WatchPlan(connection, settings, FailurePolicy.STRICT, output, new Reports(null, null), network,
                    NotifySettings.NONE);
            try (HttpTransport transport = network.open(connection, context.cancellation())) {
                code = new WatchRun(context, plan).execute(transport);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated portal on 127.0.0.1", e);
        }
        if (code != ExitCode.INTERRUPTED && !output.quiet()) {
            words.println();
            if (code == ExitCode.TIMEOUT) {
                words.println("The scenario never completed a migration: the demo stopped " + Durations.format(GRACE)
                        + " after its last frame.");
            }
            BuiltInScenario next = choice.builtIn() == BuiltInScenario.FAILED_USERS ? BuiltInScenario.FATAL : BuiltInScenario.FAILED_USERS;
            words.println("Exit code " + code.code() + " (" + code.outcome() + "). Try: migstatus demo --scenario "
                    + next.scenarioName());
            words.println("Other scenarios: " + others(choice, next));
            words.flush();
        }
        return code.code();
    }

    private static String others(ScenarioChoice choice, BuiltInScenario next) {
        return Arrays.stream(BuiltInScenario.values()).filter(s -> s != choice.builtIn() && s != next)
                .map(BuiltInScenario::scenarioName).collect(Collectors.joining(", "));
    }
}
