package dev.migstatus.cli;

import dev.migstatus.notify.Delivery;
import dev.migstatus.notify.WebhookMessage;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.text.Formats;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fleet's posts for its portals, sent in the order the portals end from a thread of their own,
 * so that the fleet's driver never waits on a chat. Once one is not delivered, retries and all,
 * the chat is taken to be down: the rest are not tried, so that a thousand portals do not each
 * wait out their retries. {@link #finish} waits for what is queued, then says in one warning what
 * was not delivered (a warning from this thread would cut through the fleet's board).
 */
final class BackgroundPosts {

    private final ExecutorService poster = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "migstatus-webhook");
        t.setDaemon(true);
        return t;
    });
    private final Function<WebhookMessage, Delivery> deliver;
    private final Messages messages;
    /** Written by the poster thread only; read after it has ended. */
    private String failedFor;
    private Delivery failure;
    private int notTried;
    private boolean finished;

    BackgroundPosts(Function<WebhookMessage, Delivery> deliver, Messages messages) {
        this.deliver = deliver;
        this.messages = messages;
    }

    /** @param message built on the poster thread: a portal's document can be large */
    void add(String portal, Supplier<WebhookMessage> message) {
        poster.execute(() -> {
            if (failure != null) {
                notTried++;
                return;
            }
            Delivery delivery = deliver.apply(message.get());
            if (!delivery.delivered()) {
                failure = delivery;
                failedFor = portal;
            }
        });
    }

    /** Waits for the posts still queued (Ctrl-C cuts the wait short), then warns once if any was not delivered. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        poster.shutdown();
        try {
            while (!poster.awaitTermination(1, TimeUnit.SECONDS)) {
                // Each post is bounded by its timeouts and retries; the loop only keeps the wait interruptible.
            }
        } catch (InterruptedException e) {
            poster.shutdownNow();
            Thread.currentThread().interrupt();
            messages.warning("--webhook: stopped before every portal's post was sent");
            return;
        }
        if (failure != null) {
            messages.warning("--webhook: " + failedFor + ": not delivered (" + Notifications.attempts(failure) + "): "
                    + failure.problem() + (notTried == 0 ? "" : "; " + Formats.count(notTried, "portal", "portals") + " that ended after it not posted"));
        }
    }
}
