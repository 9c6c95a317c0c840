package dev.migstatus.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
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
     * @throws IllegalArgumentException when the CA file cannot be used, with a message fit to show
     */
    public static HttpClient create(TransportSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        if (settings.insecure()) {
            builder.sslContext(context(new TrustManager[] {new TrustingEverything()}));
        } else if (settings.caCertFile() != null) {
            builder.sslContext(context(new TrustManager[] {systemPlus(settings)}));
        }
        return builder.build();
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
                throw new IllegalArgumentException("--cacert " + settings.caCertFile() + ": no certificate in it (PEM expected)");
            }
            for (Certificate cert : extra) {
                store.setCertificateEntry("cacert-" + n++, cert);
            }
            return trustManager(store);
        } catch (IOException e) {
            throw new IllegalArgumentException("--cacert " + settings.caCertFile() + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--cacert " + settings.caCertFile() + ": not a PEM certificate bundle");
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
