package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.secrets.RedactingInputStream;
import dev.migstatus.secrets.RedactingReader;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.text.Cut;

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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to the migration endpoints of one portal with one credential. It never prints: what went
 * wrong comes back as an {@link ApiException} with a one-line message, and {@link HttpTrace} hears
 * about every exchange. Redirects are followed by hand, so that the credential only ever goes to
 * the origin the user named; a redirect anywhere else ends the request.
 */
public final class DocSpaceClient {

    private static final int MAX_REDIRECTS = 5;
    /** Most answers a watch compares are a few megabytes gzipped; a 100,000-user one unzipped is about 35 MB. */
    private static final long REMEMBERED_ANSWER_LIMIT = 32L * 1024 * 1024;
    /** A lean answer is a few hundred bytes; a server that ignores {@code fields} sends the whole one, not worth keeping twice. */
    private static final long REMEMBERED_LEAN_ANSWER_LIMIT = 64 * 1024;

    private final Connection connection;
    private final HttpTransport transport;
    private final ClientSettings settings;
    private final HttpTrace trace;
    private final Failures failures;
    /** One per kind of request, so that a lean poll does not push out the full answer it would be compared with. */
    private final Map<StatusFields, UnchangedAnswerCache> unchanged = new EnumMap<>(StatusFields.class);

    /** @param transport shared by every client of the run; whoever made it closes it */
    public DocSpaceClient(Connection connection, HttpTransport transport, ClientSettings settings, HttpTrace trace) {
        this.connection = connection;
        this.transport = transport;
        this.settings = settings;
        this.trace = trace;
        Redactor redactor = new Redactor();
        redactor.add(connection.credential().secret());
        this.failures = new Failures(connection.portal().authority(), redactor);
        unchanged.put(StatusFields.ALL, new UnchangedAnswerCache(Math.min(settings.maxResponseBytes(), REMEMBERED_ANSWER_LIMIT)));
        unchanged.put(StatusFields.LEAN, new UnchangedAnswerCache(Math.min(settings.maxResponseBytes(), REMEMBERED_LEAN_ANSWER_LIMIT)));
    }

    /** The portal as messages name it: {@code host[:port]}. */
    public String authority() {
        return connection.portal().authority();
    }

    /**
     * The current migration status; empty when the portal runs none (an envelope without {@code response}).
     *
     * @param timeLimit the most this request may take; the caller's own deadline may be nearer than the request timeout
     */
    public Optional<MigrationStatus> status(Duration timeLimit) throws ApiException {
        return status(StatusFields.ALL, timeLimit).status();
    }

    /**
     * The current migration status, all of it or only what {@code fields} names; the answer says
     * what it holds, since a server older than DocSpace 3.2.1 answers in full whatever was asked.
     */
    public StatusAnswer status(StatusFields fields, Duration timeLimit) throws ApiException {
        try (ResponseBody body = open(MigrationApi.STATUS_PATH + fields.query(), "application/json", timeLimit)) {
            body.refuseHtml();
            Envelope envelope;
            try {
                envelope = unchanged.get(fields).read(body.wire(), body.contentEncoding(),
                        wire -> StatusReader.read(new InputStreamReader(json(body.json(wire)), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                throw body.failed(e);
            }
            body.finished();
            checked(envelope);
            return new StatusAnswer(Optional.ofNullable(envelope.status()), fields, envelope.shape());
        }
    }

    /**
     * The current status, read by copying it as {@code -o json} prints it instead of building the
     * model ({@link StatusCopier}): for a single look whose answer is printed whole. Always in full,
     * never compared with an earlier answer.
     */
    public CopiedStatus statusCopy(Duration timeLimit) throws ApiException {
        try (ResponseBody body = open(MigrationApi.STATUS_PATH, "application/json", timeLimit)) {
            body.refuseHtml();
            StatusCopier.Read read;
            try {
                read = StatusCopier.read(json(body.json(body.wire())));
            } catch (IOException | RuntimeException e) {
                throw body.failed(e);
            }
            body.finished();
            checked(read.envelope());
            return new CopiedStatus(Optional.ofNullable(read.envelope().status()), read.text());
        }
    }

    /** An envelope that is not DocSpace's, or an error envelope, fails the request. */
    private void checked(Envelope envelope) throws ApiException {
        if (envelope.docSpace20()) {
            throw failures.answered(ProtocolException.Reason.OLD_SERVER,
                    "a status in the shape of DocSpace 2.0, whose migrations migstatus cannot follow");
        }
        if (!envelope.recognized()) {
            throw failures.notDocSpace("JSON that is not a DocSpace API answer");
        }
        if (envelope.isError()) {
            String message = envelope.errorMessage() == null ? "" : envelope.errorMessage();
            throw failures.forStatus(envelope.statusCode(), connection.portal().resolve(MigrationApi.STATUS_PATH),
                    new ErrorBody.Parsed(message, ErrorBody.Kind.DOCSPACE), null);
        }
    }

    /**
     * Hands the migration log, plain text, to {@code sink}; a 404 in DocSpace's envelope means nothing runs.
     * What the sink throws unchecked (its own write failing) passes through untouched: it is not the portal's.
     */
    public void logs(TextSink sink, Duration timeLimit) throws ApiException {
        try (ResponseBody body = open(MigrationApi.LOGS_PATH, "text/plain", timeLimit)) {
            body.refuseHtml();
            try {
                sink.accept(text(body.decoded()));
            } catch (IOException e) {
                throw body.failed(e);
            }
            body.finished();
        }
    }

    /** Receives a text body as it streams in. */
    @FunctionalInterface
    public interface TextSink {
        void accept(Reader text) throws IOException;
    }

    /**
     * A JSON answer as it streams in: the key redacted before anything parses it or cuts it to fit
     * a column, then no string longer than a few KB, however long the server made it.
     */
    private InputStream json(InputStream body) {
        return new JsonStringCutter(new RedactingInputStream(body, connection.credential().secret()), Cut.MAX_CHARS);
    }

    /** The key is redacted as the text streams in, before anything parses it or cuts it to fit a column. */
    private Reader text(InputStream body) {
        return new RedactingReader(new InputStreamReader(body, StandardCharsets.UTF_8), connection.credential().secret());
    }

    private ResponseBody open(String apiPath, String accept, Duration timeLimit) throws ApiException {
        Duration limit = timeLimit.compareTo(settings.requestTimeout()) < 0 ? timeLimit : settings.requestTimeout();
        if (limit.isZero() || limit.isNegative()) {
            limit = Duration.ofMillis(1);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        HttpClient http = transport.client();
        // A Ctrl-C between now and the body's first byte must still cut it off.
        long cutsWhenSent = transport.cuts();
        URI uri = connection.portal().resolve(apiPath);
        for (int hop = 0; ; hop++) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            trace.request("GET", uri, "Accept: " + accept + ", Accept-Encoding: gzip, "
                    + connection.credential().headerName() + ": " + Redactor.REDACTED);
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(uri, accept, left), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                trace.failure("GET", uri, Duration.ofNanos(System.nanoTime() - started), Causes.rootMessage(e));
                throw failures.network(e, limit, http.connectTimeout().orElse(limit));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.interrupted(e);
            }
            int code = response.statusCode();
            if (!isRedirect(code)) {
                ResponseBody body = new ResponseBody(uri, response, started, deadline, limit, settings.maxResponseBytes(),
                        transport, failures, trace);
                transport.opened(body, cutsWhenSent);
                if (code != 200) {
                    try (body) {
                        throw body.statusFailure();
                    }
                }
                return body;
            }
            ResponseBody.closeQuietly(response.body());
            trace.response("GET", uri, code, Duration.ofNanos(System.nanoTime() - started), 0);
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
                .header(connection.credential().headerName(), connection.credential().headerValue())
                .build();
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private URI redirectTarget(URI from, HttpResponse<?> response, int hop) throws ProtocolException {
        PortalUrl portal = connection.portal();
        String location = response.headers().firstValue("Location").orElse("");
        if (location.isBlank()) {
            throw failures.redirect("answered " + response.statusCode() + " without a Location");
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw failures.redirect("redirected to an invalid address");
        }
        String shown = failures.redact(target.toString());
        if (!PortalUrl.originOf(target).equals(portal.origin())) {
            boolean upgrade = "https".equalsIgnoreCase(target.getScheme()) && !portal.isHttps()
                    && portal.host().equalsIgnoreCase(target.getHost());
            if (upgrade) {
                String https = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
                throw failures.redirect("redirects to https (" + shown + "); use --host https://" + https
                        + " so the key is not sent in clear text");
            }
            throw failures.redirect("redirected to another site (" + shown + "); not following it, the key is only sent to "
                    + portal.authority());
        }
        if (hop + 1 >= MAX_REDIRECTS) {
            throw failures.redirect("redirected more than " + MAX_REDIRECTS + " times (last to " + shown + ")");
        }
        return target;
    }
}
