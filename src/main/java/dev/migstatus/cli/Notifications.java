package dev.migstatus.cli;

import dev.migstatus.docspace.HttpClients;
import dev.migstatus.notify.Delivery;
import dev.migstatus.notify.TerminalNotification;
import dev.migstatus.notify.WebhookMessage;
import dev.migstatus.notify.WebhookSender;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.FleetReport;
import dev.migstatus.render.report.FleetResult;
import dev.migstatus.render.report.JsonReport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Tells the user a watch ended, besides the report: the bell and a desktop notification through
 * the terminal ({@code --notify}), a POST to {@code --webhook}. Neither changes the exit code: a
 * webhook that cannot be reached is one warning.
 *
 * <p>A fleet posts once per portal as each ends ({@link #portalEnded}, from a thread of its own:
 * the fleet's driver must not wait on a chat), then once for the whole fleet, and tells the
 * terminal once ({@link #fleetEnded}): a thousand bells would help nobody.
 */
final class Notifications implements AutoCloseable {

    private final Context context;
    private final NotifySettings settings;
    private final Messages messages;
    private final boolean verbose;
    private final Instant deadline;
    private HttpClient http;
    private BackgroundPosts portalPosts;

    /** @param deadline when --timeout runs out, or null without one: posts get what is left of it (see WebhookSender) */
    Notifications(Context context, NotifySettings settings, Messages messages, boolean verbose, Instant deadline) {
        this.context = context;
        this.settings = settings;
        this.messages = messages;
        this.verbose = verbose;
        this.deadline = deadline;
    }

    /** One portal watched alone ended. @param portal its name as messages give it ({@code portal.example.com}) */
    void watchEnded(FinalReport report, String portal) {
        tellTerminal("migstatus " + portal, report.elapsed(), report.message());
        if (settings.webhook() != null) {
            post(portalMessage(report, portal));
        }
    }

    /** One portal of a fleet ended: its post is queued, and sent while the others are still watched. */
    void portalEnded(FinalReport report, String portal) {
        if (settings.webhook() == null) {
            return;
        }
        if (portalPosts == null) {
            portalPosts = new BackgroundPosts(this::deliver, messages);
        }
        portalPosts.add(portal, () -> portalMessage(report, portal));
    }

    /** The fleet ended: what its portals' posts left to send is sent first, then the fleet's own. */
    void fleetEnded(FleetResult fleet) {
        if (portalPosts != null) {
            portalPosts.finish();
        }
        tellTerminal("migstatus: " + fleet.portals().size() + " portals", fleet.elapsed(), fleet.message());
        if (settings.webhook() != null) {
            post(message(() -> {
                StringWriter json = new StringWriter();
                FleetReport.json(new PrintWriter(json), fleet, null);
                return json.toString().strip();
            }, fleet.message() + " (exit " + fleet.code().code() + ")"));
        }
    }

    /** Posts to the webhook now; a failure is one warning. */
    private void post(WebhookMessage message) {
        Delivery delivery = deliver(message);
        if (!delivery.delivered()) {
            messages.warning("--webhook: not delivered (" + attempts(delivery) + "): " + delivery.problem());
        } else if (verbose) {
            messages.info("--webhook: delivered to " + settings.webhook().origin());
        }
    }

    static String attempts(Delivery delivery) {
        return delivery.attempts() + (delivery.attempts() == 1 ? " attempt" : " attempts");
    }

    /** One post, retries included, from any thread. */
    private Delivery deliver(WebhookMessage message) {
        return new WebhookSender(client(), context.sleeper(), context.cancellation()::isCancelled, this::timeLeft,
                context.redactor()::redact, VersionProvider.userAgent()).send(settings.webhook(), message);
    }

    /** What is left of --timeout, zero once it has run out; null without one. */
    private Duration timeLeft() {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(context.clock().instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = WebhookSender.httpClient();
        }
        return http;
    }

    /** With {@code --notify}, the bell and a desktop notification, if a terminal is there and the watch was long. */
    private void tellTerminal(String title, Duration ran, String sentence) {
        if (settings.terminal()) {
            PrintWriter terminal = terminal();
            if (TerminalNotification.due(ran, terminal != null)) {
                TerminalNotification.send(terminal, title, sentence);
            }
        }
    }

    /** The stream that reaches a terminal, stdout first; null when both are pipes or files. */
    private PrintWriter terminal() {
        if (context.terminal().interactive()) {
            return context.out();
        }
        return context.terminal().errInteractive() ? context.err() : null;
    }

    private WebhookMessage portalMessage(FinalReport report, String portal) {
        return message(() -> {
            StringWriter json = new StringWriter();
            JsonReport.print(new PrintWriter(json), report);
            return json.toString().strip();
        }, portal + ": " + report.message() + " (exit " + report.code().code() + ")");
    }

    /** @param json written only when it is wanted: with 100,000 users it is tens of megabytes */
    private WebhookMessage message(Supplier<String> json, String sentence) {
        return settings.format() == WebhookFormat.SLACK ? WebhookMessage.chat(sentence) : WebhookMessage.document(json.get());
    }

    /** Ends the posting thread, if a fleet started one, and the client's selector thread: a JVM exiting waits for it. */
    @Override
    public synchronized void close() {
        if (portalPosts != null) {
            portalPosts.finish();
        }
        if (http != null) {
            HttpClients.release(http);
            http = null;
        }
    }
}
