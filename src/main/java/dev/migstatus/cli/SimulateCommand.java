package dev.migstatus.cli;

import dev.migstatus.docspace.Credential;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.sim.ScenarioWriter;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.text.Durations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code migstatus simulate}: a DocSpace portal on this machine that plays a scenario, for rehearsing a pipeline. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Serves a simulated DocSpace portal on this machine, to rehearse a pipeline on any outcome.",
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = {
            "Serves a simulated DocSpace portal on this machine that plays a scenario on the migration endpoints"
                    + " (status, logs), answering as a real server does. Point migstatus, or your pipeline, at the URL"
                    + " and key it prints: the scenario starts with the first request. The key '"
                    + SimulatedPortal.NOT_AN_ADMIN_KEY + "' gets the 403 of a user who is not an admin."
                    + " Runs until Ctrl-C."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  migstatus simulate --scenario flaky --port 8080 --key sk-rehearsal",
            "  migstatus --host http://127.0.0.1:8080 --key sk-rehearsal --until migrated",
            "  migstatus simulate --scenario failed-users --print-scenario > my-scenario.json",
        })
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = Defaults.SCENARIO,
            completionCandidates = ScenarioChoice.Names.class, description = ScenarioChoice.DESCRIPTION)
    private String scenario;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", converter = PortConverter.class,
            description = "The port to listen on. Default: 0, a free one.")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = Defaults.SIMULATOR_BIND,
            description = "The loopback address to listen on: 127.0.0.1 (default), another 127.x.y.z, or ::1."
                    + " Nothing else: the simulator has no TLS and prints its key.")
    private String bind;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", converter = SpeedConverter.class,
            description = "Play the scenario X times as fast: 10 plays a 15 s scenario in 1.5 s, 0.1 in 150 s. Default: ${DEFAULT-VALUE}.")
    private double speed;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The key the portal accepts: sk-… as a Bearer token, anything else as the asc_auth_key cookie"
                    + " or in Authorization. It is not shown again. Default: a new sk-… key, printed.")
    private String key;

    @Option(names = "--portals", paramLabel = "N", defaultValue = "1",
            description = "Serve N portals on the one port, at /p1 … /pN, each playing its own copy of the scenario from"
                    + " its own first request: a fleet to rehearse with. Default: ${DEFAULT-VALUE}, at the root.")
    private int portals;

    @Option(names = "--print-scenario",
            description = "Print the scenario as a file (a start for your own) instead of serving it.")
    private boolean printScenario;

    private final Context context;

    SimulateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScenarioChoice choice = ScenarioChoice.of(scenario);
        if (printScenario) {
            try {
                ScenarioWriter.write(choice.scenario(), context.out());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ExitCode.OK.code();
        }
        SimulatedPortal.Settings settings = settings();
        try (SimulatedPortal portal = start(choice, settings)) {
            introduce(portal, choice);
            context.awaitCancellation();
        }
        context.err().println("migstatus: simulated portal stopped");
        return ExitCode.OK.code();
    }

    private SimulatedPortal.Settings settings() {
        String portalKey = key == null ? SimulatedPortal.newKey() : key.strip();
        try {
            Credential.of(portalKey);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key: " + e.getMessage());
        }
        if (portalKey.equals(SimulatedPortal.NOT_AN_ADMIN_KEY)) {
            throw new UsageException("--key: that is the key that rehearses a 403; choose another");
        }
        if (key != null) {
            // A key the user typed is never echoed, like every key migstatus is given: it may be a real one.
            context.redactor().add(portalKey);
        }
        if (portals < 1 || portals > SimulatedPortal.Settings.MAX_PORTALS) {
            throw new UsageException("--portals " + portals + ": give a number from 1 to " + SimulatedPortal.Settings.MAX_PORTALS);
        }
        return new SimulatedPortal.Settings(loopback(bind), port, portalKey, speed, portals);
    }

    /** Only an address literal, so that a host name is never looked up, and only a loopback one. */
    static InetAddress loopback(String address) {
        String text = address.strip();
        if (text.equalsIgnoreCase("localhost")) {
            return SimulatedPortal.LOOPBACK;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        InetAddress parsed = null;
        if (literal.matches("[0-9.]+") || literal.matches("[0-9a-fA-F:.]+") && literal.contains(":")) {
            try {
                parsed = InetAddress.getByName(literal);
            } catch (UnknownHostException notAnAddress) {
                parsed = null;
            }
        }
        if (parsed == null || !parsed.isLoopbackAddress()) {
            throw new UsageException("--bind " + address + ": the simulator only listens on this machine (127.0.0.1, another"
                    + " 127.x.y.z, or ::1); it has no TLS and prints its key, so run the watch on the same machine");
        }
        return parsed;
    }

    private SimulatedPortal start(ScenarioChoice choice, SimulatedPortal.Settings settings) {
        try {
            return SimulatedPortal.start(choice.scenario(), settings, context.clock(), this::logRequest);
        } catch (IOException e) {
            // A port in use, or an address this machine does not have (::1 without IPv6, 127.0.0.2 on macOS).
            throw new UsageException("cannot listen on " + settings.address().getHostAddress() + " port " + port
                    + " (" + e.getMessage() + "); choose another --port, or 0 for a free one, or another --bind");
        }
    }

    private void introduce(SimulatedPortal portal, ScenarioChoice choice) {
        String outcome = choice.builtIn() == null ? ""
                : " (migstatus --until migrated exits " + choice.builtIn().exitCode() + ")";
        boolean generated = key == null;
        var out = context.out();
        if (portals > 1) {
            introduceMany(portal, choice, outcome, generated);
            return;
        }
        out.println("Simulated DocSpace portal: " + portal.url());
        out.println("Key:       " + (generated ? portal.key() : "the one given with --key (not shown)"));
        out.println("Scenario:  " + choice.name() + ", about " + Durations.format(choice.length(speed)) + outcome
                + (choice.scenario().description().isEmpty() ? "" : ": " + choice.scenario().description()));
        out.println("Watch it:  migstatus --host " + portal.url() + " --key " + (generated ? portal.key() : "…") + " --until migrated");
        out.println("The scenario starts with the first request; Ctrl-C stops the portal.");
        out.flush();
    }

    /** Many portals: where they are, and a portals file to watch them all with. */
    private void introduceMany(SimulatedPortal portal, ScenarioChoice choice, String outcome, boolean generated) {
        var out = context.out();
        out.println("Simulated DocSpace portals: " + portal.url(1) + " … " + portal.url(portals));
        out.println("Key:        " + (generated ? portal.key() : "the one given with --key (not shown)"));
        out.println("Scenario:   " + choice.name() + " on each, about " + Durations.format(choice.length(speed)) + outcome);
        out.println("Watch them: seq -f '" + portal.url() + "/p%.0f' " + portals + " > portals.txt");
        out.println("            migstatus --portals portals.txt --key " + (generated ? portal.key() : "…") + " --until migrated");
        out.println("Each portal's scenario starts with its first request; Ctrl-C stops them all.");
        out.flush();
    }

    /** Several portals are told apart by their path, and a fleet's timing wants milliseconds. */
    private void logRequest(Duration at, String method, String path, int status, String what) {
        String code = status == 0 ? "---" : Integer.toString(status);
        String time = portals > 1 ? "[%9.3fs]" : "[%7.1fs]";
        context.err().println(String.format(Locale.ROOT, time + " %s %s %s %s", at.toMillis() / 1000.0, method, path, code, what));
        context.err().flush();
    }

    /** How the simulator ends; shown by its --help. */
    static final Map<ExitCode, String> EXIT_CODES = Map.of(
            ExitCode.OK, "stopped with Ctrl-C or SIGTERM, its normal end (or --print-scenario printed it)",
            ExitCode.USAGE, "bad options or values, an unusable scenario file, a port in use",
            ExitCode.INTERNAL_ERROR, "a bug in migstatus");

    /** A factor above 0 and at most 1000. */
    static final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double speed = Double.parseDouble(value.strip());
                if (speed > 0 && speed <= 1000) {
                    return speed;
                }
            } catch (NumberFormatException notANumber) {
                // Same message as a number out of range.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a factor above 0 and at most 1000 (10 plays ten times as fast, 0.5 at half speed)");
        }
    }

    /** 0 for a free port, or 1 to 65535. */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // Same message as a number out of range.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port: give 1 to 65535, or 0 for a free one");
        }
    }
}
