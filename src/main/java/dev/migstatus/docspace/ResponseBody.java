package dev.migstatus.docspace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * One answer being read: its body under a deadline and a size limit, inflated when gzipped, and
 * sniffed before parsing so that a proxy's HTML page is named as such instead of failing as bad JSON.
 */
final class ResponseBody implements AutoCloseable {

    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final URI uri;
    private final HttpResponse<InputStream> response;
    private final long started;
    private final Duration limit;
    private final long maxBytes;
    private final Failures failures;
    private final HttpTrace trace;
    private final LimitedInputStream wire;
    private final AtomicBoolean deadlinePassed = new AtomicBoolean();
    private final ScheduledFuture<?> deadline;
    private final HttpTransport transport;
    private boolean traced;

    ResponseBody(URI uri, HttpResponse<InputStream> response, long started, long deadlineNanos, Duration limit, long maxBytes,
                 HttpTransport transport, Failures failures, HttpTrace trace) {
        this.uri = uri;
        this.response = response;
        this.started = started;
        this.limit = limit;
        this.maxBytes = maxBytes;
        this.failures = failures;
        this.trace = trace;
        this.wire = new LimitedInputStream(response.body(), maxBytes);
        this.transport = transport;
        this.deadline = transport.at(deadlineNanos, () -> {
            deadlinePassed.set(true);
            closeQuietly(response.body());
        });
    }

    /** Ctrl-C: the body is closed under a reader blocked on it. */
    void cut() {
        closeQuietly(response.body());
    }

    int statusCode() {
        return response.statusCode();
    }

    /** The bytes as they came off the wire, for comparing with the last answer. */
    InputStream wire() {
        return wire;
    }

    String contentEncoding() {
        return response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
    }

    InputStream decoded() throws IOException {
        return decoded(wire);
    }

    /** {@code wireBytes} inflated when the server gzipped them; the limit applies to what is inflated too. */
    InputStream decoded(InputStream wireBytes) throws IOException {
        if (!contentEncoding().contains("gzip")) {
            return wireBytes;
        }
        return new LimitedInputStream(new GZIPInputStream(wireBytes, 64 * 1024), maxBytes);
    }

    /** HTML (a proxy's error page, a login page) is refused before reading the body. */
    void refuseHtml() throws ApiException {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            throw failures.notDocSpace("an HTML page, not the DocSpace API");
        }
    }

    /** The decoded body when it looks like JSON; HTML and other text is refused before parsing. */
    InputStream json(InputStream wireBytes) throws ApiException {
        try {
            BufferedInputStream in = new BufferedInputStream(decoded(wireBytes), 64 * 1024);
            int first = firstNonBlank(in);
            if (first == '<') {
                throw failures.notDocSpace("an HTML page, not the DocSpace API");
            }
            if (first == -1) {
                throw failures.answered(ProtocolException.Reason.GARBLED, "an empty body");
            }
            if (first != '{' && first != '[') {
                throw failures.notDocSpace("something that is not JSON");
            }
            return in;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static int firstNonBlank(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int b = in.read();
            // Blanks, and the bytes of a UTF-8 byte-order mark.
            if (b == -1 || !(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                in.reset();
                return b;
            }
        }
    }

    /** The answer was not 200: a little of the body is read for the server's message. */
    ApiException statusFailure() {
        String body = "";
        try {
            body = new String(decoded().readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // The status code alone still says what happened.
        }
        finished();
        RetryAfter retryAfter = response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse).orElse(null);
        return failures.forStatus(response.statusCode(), uri, ErrorBody.read(body), retryAfter);
    }

    /** Reading the body failed: why, as the user should hear it. */
    ApiException failed(Throwable e) {
        finished();
        return failures.body(e, deadlinePassed.get(), limit, maxBytes);
    }

    void finished() {
        if (!traced) {
            traced = true;
            trace.response("GET", uri, response.statusCode(), Duration.ofNanos(System.nanoTime() - started), wire.count());
        }
    }

    @Override
    public void close() {
        transport.closed(this);
        deadline.cancel(false);
        closeQuietly(response.body());
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The connection is being discarded anyway.
        }
    }
}
