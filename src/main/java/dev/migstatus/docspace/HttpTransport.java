package dev.migstatus.docspace;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every request of a run shares, however many portals it watches: one HTTP client, built
 * when the first request goes out, and one timer that cuts off a body still arriving at its
 * deadline ({@code HttpRequest.timeout} only covers the headers). Closing it releases both.
 */
public final class HttpTransport implements AutoCloseable {

    private final Supplier<HttpClient> supplier;
    private final ScheduledThreadPoolExecutor timer;
    private HttpClient client;

    public HttpTransport(Supplier<HttpClient> client) {
        this.supplier = client;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "migstatus-body-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    public synchronized HttpClient client() {
        if (client == null) {
            client = supplier.get();
        }
        return client;
    }

    ScheduledFuture<?> at(long deadlineNanos, Runnable action) {
        return timer.schedule(action, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (client != null) {
            HttpClients.release(client);
        }
    }
}
