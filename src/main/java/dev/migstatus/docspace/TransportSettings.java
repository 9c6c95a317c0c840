package dev.migstatus.docspace;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How connections are made.
 *
 * @param caCertFile a PEM bundle trusted in addition to the system's roots, or null
 * @param insecure   skip certificate verification altogether
 * @param proxies    the proxies the environment names, or null: then the JVM's own settings apply
 */
public record TransportSettings(Duration connectTimeout, Path caCertFile, boolean insecure, EnvironmentProxies proxies) {

    public TransportSettings(Duration connectTimeout, Path caCertFile, boolean insecure) {
        this(connectTimeout, caCertFile, insecure, null);
    }
}
