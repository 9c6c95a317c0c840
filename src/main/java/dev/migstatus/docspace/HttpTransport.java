package dev.migstatus.docspace;

import java.net.http.HttpClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every request of a run shares, however many portals it watches: one HTTP client, built
 * when the first request goes out, one timer that cuts off a body still arriving at its
 * deadline ({@code HttpRequest.timeout} only covers the headers), and the bodies in flight, for
 * Ctrl-C to cut off. Closing it releases the client and the timer.
 */
public final class HttpTransport implements AutoCloseable {

    private final Supplier<HttpClient> supplier;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<ResponseBody> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong cuts = new AtomicLong();
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

    /**
     * Cuts off every body still arriving, as Ctrl-C asks: a read blocked on a slow body wakes at
     * once instead of at its deadline. Requests made afterwards go ahead.
     */
    public void cutInFlight() {
        cuts.incrementAndGet();
        for (ResponseBody body : inFlight) {
            body.cut();
        }
    }

    /** How many times bodies were cut off so far: a request notes it before it is sent. */
    long cuts() {
        return cuts.get();
    }

    /**
     * A body begins to arrive; when a cut came since its request was sent (between the headers and
     * now), it is cut off at once.
     *
     * @param cutsWhenSent {@link #cuts()} before the request was sent
     */
    void opened(ResponseBody body, long cutsWhenSent) {
        inFlight.add(body);
        if (cuts.get() != cutsWhenSent) {
            body.cut();
        }
    }

    void closed(ResponseBody body) {
        inFlight.remove(body);
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
