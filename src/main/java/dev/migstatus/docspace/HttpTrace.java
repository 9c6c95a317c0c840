package dev.migstatus.docspace;

import java.net.URI;
import java.time.Duration;

/**
 * Told about every exchange, for {@code --verbose}. The api layer never prints; the credential
 * is never passed here (URLs never carry it).
 */
public interface HttpTrace {

    HttpTrace NONE = new HttpTrace() {
    };

    /** A request is about to go out; {@code headers} lists header names with their values, credentials redacted. */
    default void request(String method, URI uri, String headers) {
    }

    /** An answer arrived and its body was read ({@code bytes} as received on the wire). */
    default void response(String method, URI uri, int status, Duration took, long bytes) {
    }

    /** The exchange failed before an answer could be read. */
    default void failure(String method, URI uri, Duration took, String what) {
    }
}
