package dev.migstatus.cli;

import dev.migstatus.docspace.HttpClients;
import dev.migstatus.docspace.TransportSettings;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An HTTP client being built on a second thread: building one takes about 30 ms, 200 with the
 * default TLS set-up, which would otherwise come on top of reading the command line.
 */
final class PendingClient implements Supplier<HttpClient> {

    private final TransportSettings transport;
    private final boolean tls;
    private final CompletableFuture<HttpClient> client = new CompletableFuture<>();

    private PendingClient(TransportSettings transport, boolean tls) {
        this.transport = transport;
        this.tls = tls;
    }

    /** @param tls false for a plain-http portal: then no TLS is set up at all */
    static PendingClient start(TransportSettings transport, boolean tls) {
        PendingClient pending = new PendingClient(transport, tls);
        Thread builder = new Thread(() -> {
            try {
                pending.client.complete(HttpClients.create(transport, tls));
            } catch (Throwable e) {
                pending.client.completeExceptionally(e);
            }
        }, "migstatus-client-setup");
        builder.setDaemon(true);
        builder.start();
        return pending;
    }

    /** Whether this is the client these settings ask for. */
    boolean isFor(TransportSettings transport, boolean tls) {
        return this.transport.equals(transport) && this.tls == tls;
    }

    /** Not wanted after all: released as soon as it is built, so its thread does not delay the exit. */
    void discard() {
        client.thenAccept(HttpClients::release);
    }

    /** Waits for the client; a CA file that cannot be used is the user's mistake, said in one line. */
    @Override
    public HttpClient get() {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException badCaFile) {
                throw new UsageException("--cacert " + badCaFile.getMessage());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
