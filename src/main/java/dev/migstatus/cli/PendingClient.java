package dev.migstatus.cli;

import dev.migstatus.api.HttpClients;
import dev.migstatus.api.TransportSettings;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The run's HTTP client, built on a second thread while the rest of the run is set up: TLS
 * set-up and the client's own threads are the slowest part of starting a watch.
 */
final class PendingClient implements Supplier<HttpClient> {

    private final CompletableFuture<HttpClient> client = new CompletableFuture<>();

    private PendingClient() {
    }

    /** @param tls false for a plain-http portal: then no TLS is set up at all */
    static PendingClient start(TransportSettings transport, boolean tls) {
        PendingClient pending = new PendingClient();
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

    /** Waits for the client; a CA file that cannot be used is the user's mistake, said in one line. */
    @Override
    public HttpClient get() {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException badCaFile) {
                throw new UsageException(badCaFile.getMessage());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
