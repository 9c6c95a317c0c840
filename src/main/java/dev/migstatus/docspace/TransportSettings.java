package dev.migstatus.docspace;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How connections are made.
 *
 * @param caCertFile a PEM bundle trusted in addition to the system's roots, or null
 * @param insecure   skip certificate verification altogether
 */
public record TransportSettings(Duration connectTimeout, Path caCertFile, boolean insecure) {
}
