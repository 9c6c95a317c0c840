package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.secrets.MaskingReader;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.text.Durations;
import dev.migstatus.text.OneLine;

import com.google.gson.stream.MalformedJsonException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Talks to the migration endpoints of one portal with one credential. It never prints: what went
 * wrong comes back as an {@link ApiException} with a one-line message, and {@link HttpTrace}
 * hears about every exchange.
 *
 * <p>Redirects are followed by hand so that the credential only ever goes to the origin the user
 * named; a redirect anywhere else ends the request.
 */
public final class DocSpaceClient implements AutoCloseable {

    static final String STATUS_PATH = "api/2.0/migration/status";
    static final String LOGS_PATH = "api/2.0/migration/logs";
    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** A 100,000-user status is about 35 MB uncompressed: kept, it saves half a second of parsing per poll. */
    private static final long REMEMBERED_ANSWER_LIMIT = 64L * 1024 * 1024;

    private final PortalUrl portal;
    private final Credential credential;
    private final Supplier<HttpClient> http;
    private final ClientSettings settings;
    private final HttpTrace trace;
    private final ScheduledExecutorService watchdog;
    private final RepeatedAnswers repeated;
    private final Redactor redactor = new Redactor();
    private HttpClient client;

    /**
     * @param http supplies the client when the first request goes out, so that it can be built
     *             on another thread while the command line is still being read; the client is
     *             this one's, and is released when it closes
     */
    public DocSpaceClient(PortalUrl portal, Credential credential, Supplier<HttpClient> http,
                          ClientSettings settings, HttpTrace trace) {
        this.portal = portal;
        this.credential = credential;
        this.redactor.add(credential.secret());
        this.http = http;
        this.settings = settings;
        this.trace = trace;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "migstatus-body-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
        this.repeated = new RepeatedAnswers(Math.min(settings.maxResponseBytes(), REMEMBERED_ANSWER_LIMIT));
    }

    public PortalUrl portal() {
        return portal;
    }

    /**
     * The current migration status; empty when the portal runs none (an envelope without {@code response}).
     *
     * @param timeLimit the most this request may take; the caller's own deadline may be nearer than the request timeout
     */
    public Optional<MigrationStatus> status(Duration timeLimit) throws ApiException {
        try (Exchange exchange = open(STATUS_PATH, "application/json", timeLimit)) {
            exchange.refuseHtml();
            Envelope envelope;
            try {
                envelope = repeated.read(exchange.wire, exchange.contentEncoding(), wireBytes -> StatusReader.read(
                        new MaskingReader(new InputStreamReader(exchange.jsonBody(wireBytes), StandardCharsets.UTF_8), credential.secret())));
            } catch (IOException | RuntimeException e) {
                throw exchange.bodyFailure(e);
            }
            exchange.finished();
            if (!envelope.recognized()) {
                throw new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " answered with JSON that is not a DocSpace API answer");
            }
            if (envelope.isError()) {
                throw forStatus(envelope.statusCode(), exchange.uri,
                        new ErrorBody.Parsed(envelope.errorMessage() == null ? "" : envelope.errorMessage(), ErrorBody.Kind.DOCSPACE), null);
            }
            return Optional.ofNullable(envelope.status());
        }
    }

    /**
     * Hands the migration log, plain text, to {@code sink}; a 404 in DocSpace's envelope means nothing runs.
     * What the sink throws unchecked (its own write failing) passes through untouched: it is not the portal's.
     */
    public void logs(TextSink sink, Duration timeLimit) throws ApiException {
        try (Exchange exchange = open(LOGS_PATH, "text/plain", timeLimit)) {
            exchange.refuseHtml();
            try {
                sink.accept(new MaskingReader(new InputStreamReader(exchange.decodedBody(), StandardCharsets.UTF_8), credential.secret()));
            } catch (IOException e) {
                throw exchange.bodyFailure(e);
            }
            exchange.finished();
        }
    }

    /** Receives a text body as it streams in. */
    @FunctionalInterface
    public interface TextSink {
        void accept(Reader text) throws IOException;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        if (client != null) {
            HttpClients.release(client);
        }
    }

    private HttpClient http() {
        if (client == null) {
            client = http.get();
        }
        return client;
    }

    private Exchange open(String apiPath, String accept, Duration timeLimit) throws ApiException {
        Duration limit = timeLimit.compareTo(settings.requestTimeout()) < 0 ? timeLimit : settings.requestTimeout();
        if (limit.isZero() || limit.isNegative()) {
            limit = Duration.ofMillis(1);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        URI uri = portal.resolve(apiPath);
        for (int hop = 0; ; hop++) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            HttpRequest request = request(uri, accept, left);
            trace.request("GET", uri, describeHeaders(accept));
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                trace.failure("GET", uri, since(started), NetworkFaults.rootMessage(e));
                throw NetworkFaults.describe(portal.authority(), e, limit, settings.connectTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException(UnavailableException.Reason.INTERRUPTED, "interrupted while waiting for " + portal.authority(), e, false, null);
            }
            int code = response.statusCode();
            if (!isRedirect(code)) {
                Exchange exchange = new Exchange(uri, response, started, deadline, limit);
                if (code != 200) {
                    try (exchange) {
                        throw exchange.failure();
                    }
                }
                return exchange;
            }
            closeQuietly(response.body());
            trace.response("GET", uri, code, since(started), 0);
            uri = redirectTarget(uri, response, hop);
        }
    }

    private HttpRequest request(URI uri, String accept, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", settings.userAgent())
                .header(credential.headerName(), credential.headerValue())
                .build();
    }

    private String describeHeaders(String accept) {
        return "Accept: " + accept + ", Accept-Encoding: gzip, " + credential.headerName() + ": " + Redactor.MASK;
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private URI redirectTarget(URI from, HttpResponse<?> response, int hop) throws ProtocolException {
        String location = response.headers().firstValue("Location").orElse("");
        if (location.isBlank()) {
            throw new ProtocolException(ProtocolException.Reason.REDIRECT, portal.authority() + " answered " + response.statusCode() + " without a Location");
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Reason.REDIRECT, portal.authority() + " redirected to an invalid address");
        }
        String shown = redact(target.toString());
        if (!PortalUrl.originOf(target).equals(portal.origin())) {
            boolean upgrade = "https".equalsIgnoreCase(target.getScheme()) && !portal.isHttps()
                    && portal.host().equalsIgnoreCase(target.getHost());
            if (upgrade) {
                String https = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
                throw new ProtocolException(ProtocolException.Reason.REDIRECT, portal.authority() + " redirects to https (" + shown
                        + "); use --host https://" + https + " so the key is not sent in clear text");
            }
            throw new ProtocolException(ProtocolException.Reason.REDIRECT, portal.authority() + " redirected to another site (" + shown
                    + "); not following it, the key is only sent to " + portal.authority());
        }
        if (hop + 1 >= MAX_REDIRECTS) {
            throw new ProtocolException(ProtocolException.Reason.REDIRECT, portal.authority() + " redirected more than " + MAX_REDIRECTS + " times (last to " + shown + ")");
        }
        return target;
    }

    private ApiException forStatus(int code, URI uri, ErrorBody.Parsed body, RetryAfter retryAfter) {
        String what = HttpStatusText.of(code);
        String said = said(what, body.message());
        String host = portal.authority();
        if (code == 0) {
            return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, host + " answered with an error" + (said.isEmpty() ? " and no message" : said));
        }
        if (code == 401) {
            return new UnauthorizedException(what + ": the key was rejected by " + host + said);
        }
        if (code == 402 || code == 403) {
            boolean suspended = code == 402 || body.kind() == ErrorBody.Kind.PROBLEM;
            return new ForbiddenException(what + (said.isEmpty() ? ": " + host + " refused access to migrations" : said + " (" + host + ")"),
                    suspended);
        }
        if (code == 404) {
            return new NotFoundException(what + ": " + redact(uri.toString()) + said, body.kind() == ErrorBody.Kind.DOCSPACE);
        }
        if (code == 429 || code == 502 || code == 503 || code == 504) {
            return new UnavailableException(code == 429 ? UnavailableException.Reason.RATE_LIMITED : UnavailableException.Reason.SERVER,
                    what + " from " + host + said, null, true, retryAfter);
        }
        if (code >= 500) {
            // A DocSpace error envelope is the server's considered answer; an empty or HTML 500 is likely a hiccup.
            return new UnavailableException(UnavailableException.Reason.SERVER, what + " from " + host + said, null, said.isEmpty(), retryAfter);
        }
        return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, what + " from " + host + said);
    }

    /** ": message", without repeating the reason phrase a problem's title often is ("Payment Required"). */
    private String said(String what, String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = OneLine.of(redact(message));
        String reason = what.replaceFirst("^\\d+ ", "");
        if (text.regionMatches(true, 0, reason, 0, reason.length())) {
            text = text.substring(reason.length()).replaceFirst("^[:\\s-]+", "");
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    private String redact(String s) {
        return redactor.redact(s);
    }

    /** gson ends its messages with advice for programmers (leniency settings, a troubleshooting URL). */
    private static String withoutGsonAdvice(String message) {
        String text = message;
        int see = text.indexOf("\nSee https://");
        if (see >= 0) {
            text = text.substring(0, see);
        }
        return text.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
                .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The connection is being discarded anyway.
        }
    }

    /** One answer being read: its body under a deadline and a size limit. */
    private final class Exchange implements AutoCloseable {
        private final URI uri;
        private final HttpResponse<InputStream> response;
        private final long started;
        private final Duration limit;
        private final LimitedInputStream wire;
        private final AtomicBoolean deadlinePassed = new AtomicBoolean();
        private final ScheduledFuture<?> deadlineTask;
        private boolean traced;

        Exchange(URI uri, HttpResponse<InputStream> response, long started, long deadlineNanos, Duration limit) {
            this.uri = uri;
            this.response = response;
            this.started = started;
            this.limit = limit;
            this.wire = new LimitedInputStream(response.body(), settings.maxResponseBytes());
            // HttpRequest.timeout only covers the headers; a server that stalls mid-body is cut off here.
            this.deadlineTask = watchdog.schedule(() -> {
                deadlinePassed.set(true);
                closeQuietly(response.body());
            }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        String contentEncoding() {
            return response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        }

        InputStream decodedBody() throws IOException {
            return decoded(wire);
        }

        /** The body as sent, inflated when the server gzipped it. */
        InputStream decoded(InputStream wireBytes) throws IOException {
            if (!contentEncoding().contains("gzip")) {
                return wireBytes;
            }
            // The limit applies to what is inflated too: a small gzip body can expand enormously.
            return new LimitedInputStream(new GZIPInputStream(wireBytes, 64 * 1024), settings.maxResponseBytes());
        }

        /** HTML (a proxy's error page, a login page) is refused before reading the body. */
        void refuseHtml() throws ApiException {
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.contains("html")) {
                throw new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " answered with an HTML page, not the DocSpace API");
            }
        }

        /** The body when it looks like JSON; HTML and other text is refused before parsing. */
        InputStream jsonBody(InputStream wireBytes) throws ApiException {
            try {
                BufferedInputStream in = new BufferedInputStream(decoded(wireBytes), 64 * 1024);
                int first = firstNonBlank(in);
                if (first == '<') {
                    throw new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " answered with an HTML page, not the DocSpace API");
                }
                if (first == -1) {
                    throw new ProtocolException(ProtocolException.Reason.GARBLED, portal.authority() + " answered with an empty body");
                }
                if (first != '{' && first != '[') {
                    throw new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " answered with something that is not JSON");
                }
                return in;
            } catch (IOException e) {
                throw bodyFailure(e);
            }
        }

        private int firstNonBlank(BufferedInputStream in) throws IOException {
            while (true) {
                in.mark(1);
                int b = in.read();
                if (b == -1 || !(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    in.reset();
                    return b;
                }
            }
        }

        /** The answer was not 200: read a little of the body for the server's message. */
        ApiException failure() {
            int code = response.statusCode();
            String body = "";
            try {
                body = new String(decodedBody().readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // The status code alone still says what happened.
            }
            finished();
            RetryAfter retryAfter = response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse).orElse(null);
            return forStatus(code, uri, ErrorBody.read(body), retryAfter);
        }

        ApiException bodyFailure(Throwable e) {
            finished();
            if (e instanceof ApiException api) {
                return api;
            }
            if (deadlinePassed.get()) {
                return UnavailableException.transientFault(UnavailableException.Reason.TIMEOUT,
                        portal.authority() + " did not send the whole answer within " + Durations.format(limit), e);
            }
            if (e instanceof LimitedInputStream.TooLargeException) {
                long limit = settings.maxResponseBytes();
                String size = limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
                return new ProtocolException(ProtocolException.Reason.TOO_LARGE, portal.authority() + " sent an answer larger than " + size);
            }
            if (e instanceof MalformedJsonException && String.valueOf(e.getMessage()).startsWith("Nesting limit")) {
                return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " sent JSON nested too deeply to be a DocSpace answer", e);
            }
            if (e instanceof MalformedJsonException || e instanceof EOFException || e instanceof ZipException) {
                return new ProtocolException(ProtocolException.Reason.GARBLED, portal.authority() + " sent a garbled or cut-off answer ("
                        + OneLine.of(withoutGsonAdvice(String.valueOf(e.getMessage()))) + ")", e);
            }
            if (e instanceof IOException io) {
                return NetworkFaults.describe(portal.authority(), io, settings.requestTimeout(), settings.connectTimeout());
            }
            return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, portal.authority() + " sent an answer of an unexpected shape (" + OneLine.of(String.valueOf(e.getMessage())) + ")", e);
        }

        void finished() {
            if (!traced) {
                traced = true;
                trace.response("GET", uri, response.statusCode(), since(started), wire.count());
            }
        }

        @Override
        public void close() {
            deadlineTask.cancel(false);
            closeQuietly(response.body());
        }
    }
}
