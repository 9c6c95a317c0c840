package dev.migstatus.cli;

import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.TransportSettings;
import dev.migstatus.text.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one home of every default and every environment variable the command line reads. Option
 * annotations take the strings (they need compile-time constants); code that runs without those
 * options, such as the demo, takes the parsed values, so the two cannot drift apart.
 */
public final class Defaults {

    public static final String INTERVAL = "2s";
    public static final String MIN_INTERVAL = "100ms";
    public static final String RETRY_FOR = "5m";
    public static final String CONNECT_TIMEOUT = "10s";
    public static final String REQUEST_TIMEOUT = "30s";
    public static final String MAX_RESPONSE_SIZE = "256MB";
    public static final String MAX_FAILED_USERS = "0";
    public static final String UNTIL = "completed";
    /** A job killed by a server restart looks like this; a slow import moves a count well within it. */
    public static final String STALL_AFTER = "30m";
    public static final String SCENARIO = "clean";
    public static final String SIMULATOR_BIND = "127.0.0.1";
    /** Requests a fleet has on their way at once: 1,000 portals every 2 s at up to 60 ms each (docs/performance.md). */
    public static final String MAX_IN_FLIGHT = "32";
    /** Where {@code migstatus exporter} serves /metrics: this machine only, until told otherwise. */
    public static final String EXPORTER_LISTEN = "127.0.0.1:9477";
    /** How often the exporter polls each portal: Prometheus scrapes every 15-30 s, polling faster buys nothing. */
    public static final String EXPORTER_INTERVAL = "15s";

    /** {@code --host} when it is not given: the first of these set wins. */
    public static final List<String> HOST_ENV = List.of("MIGSTATUS_HOST", "DOCSPACE_BASE_URL");
    /** {@code --webhook} when it is not given: an address that holds a chat's token is best kept out of the process list. */
    public static final String WEBHOOK_ENV = "MIGSTATUS_WEBHOOK";
    /** The key when neither {@code --key} nor {@code --key-file} is given; {@code DOCSPACE_*} are ONLYOFFICE's own names. */
    public static final List<String> KEY_ENV = List.of("MIGSTATUS_KEY", "DOCSPACE_API_KEY", "DOCSPACE_AUTH_TOKEN");

    private Defaults() {
    }

    /**
     * The environment variables the watch reads, and what for, as its {@code --help} lists them
     * (the README's table says the same at more length; a test holds the names equal).
     */
    public static Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>(portalEnvironment());
        variables.put(WEBHOOK_ENV, "--webhook when it is not given");
        variables.put("NO_COLOR", "no colour, when set to anything");
        variables.put("COLUMNS", "the width of tables when stdout is not a terminal");
        variables.put("GITHUB_ACTIONS", "true (set by the runner): groups, annotations and a step summary");
        variables.put("MIGSTATUS_DEBUG", "1: the stack trace of an internal error (exit 70)");
        variables.put("MIGSTATUS_JAVA_OPTS", "extra options for the JVM the launcher starts");
        return variables;
    }

    /**
     * Where migstatus remembers the hints it has given ({@link OneTimeHints}): {@code
     * $XDG_STATE_HOME/migstatus}, else {@code ~/.local/state/migstatus}, on Windows {@code
     * %LOCALAPPDATA%\migstatus}; null when the environment names no home.
     */
    public static Path stateDirectory(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            return Path.of(state, "migstatus");
        }
        String home = env.get("HOME");
        if (home != null && Path.of(home).isAbsolute()) {
            return Path.of(home, ".local", "state", "migstatus");
        }
        String local = env.get("LOCALAPPDATA");
        return local != null && Path.of(local).isAbsolute() ? Path.of(local, "migstatus") : null;
    }

    /** The variables that name the portal and its key, for every command that reaches one. */
    public static Map<String, String> portalEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(HOST_ENV.get(0), "--host when it is not given; then " + String.join(", ", HOST_ENV.subList(1, HOST_ENV.size())));
        variables.put(KEY_ENV.get(0), "the key when neither --key nor --key-file is given; then "
                + String.join(", ", KEY_ENV.subList(1, KEY_ENV.size())));
        return variables;
    }

    public static Duration retryFor() {
        return Durations.parse(RETRY_FOR);
    }

    public static Duration stallAfter() {
        return Durations.parse(STALL_AFTER);
    }

    public static TransportSettings transport() {
        return new TransportSettings(Durations.parse(CONNECT_TIMEOUT), null, false);
    }

    public static ClientSettings clientSettings() {
        return new ClientSettings(Durations.parse(REQUEST_TIMEOUT), new SizeConverter().convert(MAX_RESPONSE_SIZE),
                VersionProvider.userAgent());
    }
}
