package dev.migstatus.cli;

import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.TransportSettings;
import dev.migstatus.text.Durations;

import java.time.Duration;
import java.util.List;

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
