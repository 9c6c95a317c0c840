package dev.migstatus.docspace;

import dev.migstatus.docspace.UnavailableException.Reason;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.text.Durations;
import dev.migstatus.text.OneLine;

import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place where what went wrong with a request becomes a typed {@link ApiException} with a
 * one-line message: an HTTP status and the server's message, a network fault from java.net.http,
 * a body that could not be read. Messages name the portal, never the key, and say what happened,
 * not what to do: that is for the command line.
 */
final class Failures {

    private final String host;
    private final Redactor redactor;

    /** @param redactor redacts the key from anything a server says back */
    Failures(String host, Redactor redactor) {
        this.host = host;
        this.redactor = redactor;
    }

    /** An answer that is not 200, with the message its body carried ("" when none). */
    ApiException forStatus(int code, URI uri, ErrorBody.Parsed body, RetryAfter retryAfter) {
        String what = statusText(code);
        String said = said(what, body.message());
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
            return new NotFoundException(what + ": " + redactor.redact(uri.toString()) + said, body.kind() == ErrorBody.Kind.DOCSPACE);
        }
        if (code == 429 || code == 502 || code == 503 || code == 504) {
            return new UnavailableException(code == 429 ? Reason.RATE_LIMITED : Reason.SERVER, what + " from " + host + said, what,
                    null, true, retryAfter);
        }
        if (code >= 500) {
            // DocSpace answers its own 5xx in the envelope when authentication or the permission check
            // fails to reach its database or cache: transient, like a proxy's page, and worth telling apart.
            Reason reason = body.kind() == ErrorBody.Kind.DOCSPACE ? Reason.PORTAL_ERROR : Reason.SERVER;
            return new UnavailableException(reason, what + " from " + host + said, what, null, true, retryAfter);
        }
        return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, what + " from " + host + said);
    }

    /**
     * A request that got no answer.
     *
     * @param timeout        what bounded the request (for "did not answer within")
     * @param connectTimeout what bounded opening the connection
     */
    UnavailableException network(IOException e, Duration timeout, Duration connectTimeout) {
        Causes.rethrowOutOfMemory(e);
        if (e instanceof HttpConnectTimeoutException) {
            Duration waited = connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
            return UnavailableException.transientFault(Reason.TIMEOUT, host, "unreachable", "no connection within " + Durations.format(waited), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new UnavailableException(Reason.TIMEOUT, host + " did not answer within " + Durations.format(timeout),
                    "no answer within " + Durations.format(timeout), e, true, null);
        }
        if (Causes.has(e, UnresolvedAddressException.class) || Causes.has(e, UnknownHostException.class)) {
            return UnavailableException.transientFault(Reason.UNKNOWN_HOST, host, "unreachable", "host name not found", e);
        }
        String root = Causes.rootMessage(e);
        String lower = root.toLowerCase(Locale.ROOT);
        if (lower.contains("unrecognized ssl message") || lower.contains("unsupported or unrecognized")) {
            return new UnavailableException(Reason.PLAIN_HTTP, host + " does not speak TLS on that port", e, false, null);
        }
        if (lower.contains("terminated the handshake")) {
            return UnavailableException.transientFault(Reason.NETWORK,
                    host + " unreachable (the TLS handshake was cut off; is it plain http on that port?)", e);
        }
        if (isCertificateProblem(e)) {
            return certificate(e, root);
        }
        String why = Causes.has(e, NoRouteToHostException.class) ? "no route to host"
                : e instanceof ConnectException || Causes.has(e, ConnectException.class) ? "connection refused"
                : lower.contains("reset") ? "connection reset"
                : lower.contains("no bytes") || lower.contains("eof") || lower.contains("closed") ? "connection closed without an answer"
                : OneLine.of(root);
        return UnavailableException.transientFault(Reason.NETWORK, host, "unreachable", why, e);
    }

    /**
     * A certificate that failed verification, by what failed: each has its own remedy, and only an
     * unknown authority is one {@code --cacert} can fix.
     */
    private UnavailableException certificate(IOException e, String root) {
        String lower = root.toLowerCase(Locale.ROOT);
        if (Causes.has(e, CertificateExpiredException.class)) {
            return new UnavailableException(Reason.TLS_EXPIRED, "the TLS certificate of " + host + " has expired ("
                    + OneLine.of(Causes.messageOf(e, CertificateExpiredException.class)) + ")", e, false, null);
        }
        if (Causes.has(e, CertificateNotYetValidException.class)) {
            return new UnavailableException(Reason.TLS_NOT_YET_VALID, "the TLS certificate of " + host + " is not valid yet ("
                    + OneLine.of(Causes.messageOf(e, CertificateNotYetValidException.class)) + ")", e, false, null);
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return new UnavailableException(Reason.TLS_NAME, "the TLS certificate of " + host + " is for another name ("
                    + OneLine.of(root) + ")", e, false, null);
        }
        return new UnavailableException(Reason.TLS,
                "the TLS certificate of " + host + " could not be verified (" + OneLine.of(root) + ")", e, false, null);
    }

    /**
     * A 200 whose body could not be read to the end.
     *
     * @param deadlinePassed the body was cut off because the request's time was up
     */
    ApiException body(Throwable e, boolean deadlinePassed, Duration limit, long maxBytes) {
        Causes.rethrowOutOfMemory(e);
        if (e instanceof ApiException api) {
            return api;
        }
        if (deadlinePassed) {
            return new UnavailableException(Reason.TIMEOUT, host + " did not send the whole answer within " + Durations.format(limit),
                    "no whole answer within " + Durations.format(limit), e, true, null);
        }
        if (e instanceof LimitedInputStream.TooLargeException) {
            String size = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
            return new ProtocolException(ProtocolException.Reason.TOO_LARGE, host + " sent an answer larger than " + size);
        }
        if (e instanceof MalformedJsonException && String.valueOf(e.getMessage()).startsWith("Nesting limit")) {
            return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, host + " sent JSON nested too deeply to be a DocSpace answer", e);
        }
        if (e instanceof UnexpectedTypeException) {
            return new ProtocolException(ProtocolException.Reason.WRONG_TYPE, host + " sent " + OneLine.of(e.getMessage()), e);
        }
        if (e instanceof MalformedJsonException || e instanceof EOFException || e instanceof ZipException) {
            return new ProtocolException(ProtocolException.Reason.GARBLED, host + " sent a garbled or cut-off answer ("
                    + OneLine.of(withoutGsonAdvice(String.valueOf(e.getMessage()))) + ")", e);
        }
        if (e instanceof IOException io) {
            return network(io, limit, limit);
        }
        return new ProtocolException(ProtocolException.Reason.NOT_DOCSPACE, host + " sent an answer of an unexpected shape ("
                + OneLine.of(String.valueOf(e.getMessage())) + ")", e);
    }

    ProtocolException notDocSpace(String what) {
        return answered(ProtocolException.Reason.NOT_DOCSPACE, what);
    }

    ProtocolException answered(ProtocolException.Reason reason, String what) {
        return new ProtocolException(reason, host + " answered with " + what);
    }

    ProtocolException redirect(String what) {
        return new ProtocolException(ProtocolException.Reason.REDIRECT, host + " " + what);
    }

    String redact(String text) {
        return redactor.redact(text);
    }

    UnavailableException interrupted(InterruptedException e) {
        return new UnavailableException(Reason.INTERRUPTED, "interrupted while waiting for " + host, e, false, null);
    }

    /** ": message", without repeating the reason phrase a problem's title often is ("Payment Required"). */
    private String said(String what, String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = OneLine.of(redactor.redact(message));
        String reason = what.replaceFirst("^\\d+ ", "");
        if (text.regionMatches(true, 0, reason, 0, reason.length())) {
            text = text.substring(reason.length()).replaceFirst("^[:\\s-]+", "");
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    /** java.net.http does not expose the reason phrase; messages read better with one. */
    static String statusText(int code) {
        String reason = switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? "HTTP " + code : code + " " + reason;
    }

    /** gson ends its messages with advice for programmers (leniency settings, a troubleshooting URL). */
    private static String withoutGsonAdvice(String message) {
        int see = message.indexOf("\nSee https://");
        String text = see >= 0 ? message.substring(0, see) : message;
        return text.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
                .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
    }

    static boolean isCertificateProblem(Throwable e) {
        if (Causes.has(e, CertificateException.class) || Causes.has(e, SSLPeerUnverifiedException.class)) {
            return true;
        }
        if (Causes.has(e, SSLHandshakeException.class)) {
            String text = Causes.rootMessage(e).toLowerCase(Locale.ROOT);
            return text.contains("certificate") || text.contains("pkix") || text.contains("subject alternative")
                    || text.contains("unable to find valid certification path");
        }
        return false;
    }
}
