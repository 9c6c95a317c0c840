package dev.migstatus.docspace;

import dev.migstatus.docspace.UnavailableException.Reason;
import dev.migstatus.text.Durations;
import dev.migstatus.text.OneLine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns what java.net.http throws into a one-line {@link UnavailableException}. */
final class NetworkFaults {

    private NetworkFaults() {
    }

    /**
     * @param timeout        what bounded the request (for "did not answer within")
     * @param connectTimeout what bounded opening the connection
     */
    static UnavailableException describe(String authority, IOException e, Duration timeout, Duration connectTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            Duration waited = connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
            return UnavailableException.transientFault(Reason.TIMEOUT,
                    authority + " unreachable (no connection within " + Durations.format(waited) + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return UnavailableException.transientFault(Reason.TIMEOUT,
                    authority + " did not answer within " + Durations.format(timeout), e);
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (host name not found)", e);
        }
        String root = rootMessage(e).toLowerCase(Locale.ROOT);
        if (root.contains("unrecognized ssl message") || root.contains("unsupported or unrecognized")) {
            return new UnavailableException(Reason.PLAIN_HTTP, authority + " does not speak TLS on that port", e, false, null);
        }
        if (root.contains("terminated the handshake")) {
            return UnavailableException.transientFault(Reason.NETWORK,
                    authority + " unreachable (the TLS handshake was cut off; is it plain http on that port?)", e);
        }
        if (isCertificateProblem(e)) {
            return new UnavailableException(Reason.TLS,
                    "the TLS certificate of " + authority + " could not be verified (" + OneLine.of(rootMessage(e)) + ")", e, false, null);
        }
        if (has(e, NoRouteToHostException.class)) {
            return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (no route to host)", e);
        }
        if (e instanceof ConnectException || has(e, ConnectException.class)) {
            return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (connection refused)", e);
        }
        String text = rootMessage(e).toLowerCase(Locale.ROOT);
        if (text.contains("reset")) {
            return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (connection reset)", e);
        }
        if (text.contains("no bytes") || text.contains("eof") || text.contains("closed")) {
            return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (connection closed without an answer)", e);
        }
        return UnavailableException.transientFault(Reason.NETWORK, authority + " unreachable (" + OneLine.of(rootMessage(e)) + ")", e);
    }

    static boolean isCertificateProblem(Throwable e) {
        if (has(e, CertificateException.class) || has(e, SSLPeerUnverifiedException.class)) {
            return true;
        }
        if (has(e, SSLHandshakeException.class)) {
            String text = rootMessage(e).toLowerCase(Locale.ROOT);
            return text.contains("certificate") || text.contains("pkix") || text.contains("subject alternative")
                    || text.contains("unable to find valid certification path");
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
