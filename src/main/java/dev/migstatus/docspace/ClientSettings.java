package dev.migstatus.docspace;

import java.time.Duration;

/**
 * @param requestTimeout   the longest one request may take, headers and body
 * @param connectTimeout   the longest opening a connection may take (the HTTP client enforces it; messages name it)
 * @param maxResponseBytes a larger answer is refused instead of exhausting memory
 * @param userAgent        sent with every request
 */
public record ClientSettings(Duration requestTimeout, Duration connectTimeout, long maxResponseBytes, String userAgent) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The settings the command line has when no option changes them. */
    public static ClientSettings defaults(String userAgent) {
        return new ClientSettings(DEFAULT_REQUEST_TIMEOUT, TransportSettings.DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, userAgent);
    }
}
