package dev.migstatus.docspace;

import java.time.Duration;

/**
 * @param requestTimeout   the longest one request may take, headers and body
 * @param maxResponseBytes a larger answer is refused instead of exhausting memory
 * @param userAgent        sent with every request
 */
public record ClientSettings(Duration requestTimeout, long maxResponseBytes, String userAgent) {
}
