package dev.migstatus.docspace;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the one {@link HttpClient} of a run. */
public final class HttpClients {

    private HttpClients() {
    }

    /**
     * HTTP/1.1 always: one poll every few seconds gains nothing from HTTP/2, and cleartext HTTP/2
     * would try an upgrade some proxies mishandle. Redirects are never followed by the client:
     * {@link DocSpaceClient} decides, so the key cannot follow one to another site.
     *
     * @param tls false for a plain-http portal. Redirects never leave the portal's origin, so such
     *            a client never makes a TLS connection, and it gets a context that refuses to:
     *            the JDK would otherwise set up its default one, about 150 ms of every start.
     * @throws IllegalArgumentException when the CA file cannot be used, with a message naming the file
     */
    public static HttpClient create(TransportSettings settings, boolean tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        if (settings.proxies() != null) {
            builder.proxy(settings.proxies());
        }
        if (!tls) {
            builder.sslContext(new NoTls()).sslParameters(new SSLParameters());
        } else if (settings.insecure()) {
            builder.sslContext(context(new TrustManager[] {new TrustingEverything()}));
        } else if (settings.caCertFile() != null) {
            builder.sslContext(context(new TrustManager[] {systemPlus(settings)}));
        }
        return builder.build();
    }

    /**
     * Ends the client's selector thread now that the run is done with it: it waits in native code,
     * which a JVM exiting waits for (docs/performance.md, "The JVM exits when the work is done").
     * Java 21 added {@code close()}; before that, the thread is interrupted, found by the name the
     * JDK gives it (the JDK's own tests find it that way). The client must not be used afterwards.
     */
    public static void release(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing only speeds up the exit.
            }
            return;
        }
        String text = client.toString();
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        String selector = "HttpClient-" + text.substring(open + 1, close) + "-SelectorManager";
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals(selector)) {
                threads[i].interrupt();
            }
        }
    }

    private static SSLContext context(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /** The system's roots and the user's bundle, in one trust store. */
    private static X509TrustManager systemPlus(TransportSettings settings) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate root : trustManager(null).getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + n++, root);
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(settings.caCertFile())) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new IllegalArgumentException(settings.caCertFile() + ": no certificate in it (PEM expected)");
            }
            for (Certificate cert : extra) {
                store.setCertificateEntry("cacert-" + n++, cert);
            }
            return trustManager(store);
        } catch (IOException e) {
            throw new IllegalArgumentException(settings.caCertFile() + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(settings.caCertFile() + ": not a PEM certificate bundle");
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** The TLS of a client that must never use it: creating a connection fails, nothing is set up. */
    private static final class NoTls extends SSLContext {
        NoTls() {
            super(new Refusing(), null, "none");
        }

        private static final class Refusing extends SSLContextSpi {
            private static UnsupportedOperationException refused() {
                return new UnsupportedOperationException("TLS is not set up for a plain-http portal");
            }

            @Override
            protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                throw refused();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                throw refused();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                throw refused();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                throw refused();
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                throw refused();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                throw refused();
            }
        }
    }

    /**
     * For {@code --insecure}: accepts any certificate for any host name. Being an extended trust
     * manager, it also stands in for the host name check.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
