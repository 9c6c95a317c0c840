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

/**
 * Tells the user a watch ended, besides the report: the bell and a desktop notification through
 * the terminal ({@code --notify}), a POST to {@code --webhook}. Neither changes the exit code: a
 * webhook that cannot be reached is one warning.
 *
 * <p>A fleet is told once, at its end, with {@link #fleetEnded}.
 */
final class Notifications {

    private final Context context;
    private final NotifySettings settings;
    private final Messages messages;
    private final boolean verbose;

    Notifications(Context context, NotifySettings settings, Messages messages, boolean verbose) {
        this.context = context;
        this.settings = settings;
        this.messages = messages;
        this.verbose = verbose;
    }

    /** @param portal the portal's name as messages give it ({@code portal.example.com}) */
    void watchEnded(FinalReport report, String portal) {
        if (settings.terminal()) {
            PrintWriter terminal = terminal();
            if (TerminalNotification.due(report.elapsed(), terminal != null)) {
                TerminalNotification.send(terminal, "migstatus " + portal, report.message());
            }
        }
        if (settings.webhook() != null) {
            post(settings.format() == WebhookFormat.SLACK
                    ? WebhookMessage.chat(portal + ": " + report.message() + " (exit " + report.code().code() + ")")
                    : WebhookMessage.document(document(report)));
        }
    }

    /** A fleet is told once, when its last portal is done: a thousand bells would help nobody. */
    void fleetEnded(FleetResult fleet) {
        if (settings.terminal()) {
            PrintWriter terminal = terminal();
            if (TerminalNotification.due(fleet.elapsed(), terminal != null)) {
                TerminalNotification.send(terminal, "migstatus: " + fleet.portals().size() + " portals", fleet.message());
            }
        }
        if (settings.webhook() != null) {
            StringWriter json = new StringWriter();
            FleetReport.json(new PrintWriter(json), fleet, null);
            post(settings.format() == WebhookFormat.SLACK
                    ? WebhookMessage.chat(fleet.message() + " (exit " + fleet.code().code() + ")")
                    : WebhookMessage.document(json.toString().strip()));
        }
    }

    /** Posts to the webhook, if there is one; a failure is one warning. */
    void post(WebhookMessage message) {
        if (settings.webhook() == null) {
            return;
        }
        HttpClient http = WebhookSender.httpClient();
        try {
            Delivery delivery = new WebhookSender(http, context.sleeper(), context.cancellation()::isCancelled,
                    context.redactor()::redact, VersionProvider.userAgent()).send(settings.webhook(), message);
            if (!delivery.delivered()) {
                messages.warning("--webhook: not delivered (" + delivery.attempts()
                        + (delivery.attempts() == 1 ? " attempt" : " attempts") + "): " + delivery.problem());
            } else if (verbose) {
                messages.info("--webhook: delivered to " + settings.webhook().origin());
            }
        } finally {
            HttpClients.release(http);
        }
    }

    /** The stream that reaches a terminal, stdout first; null when both are pipes or files. */
    private PrintWriter terminal() {
        if (context.terminal().interactive()) {
            return context.out();
        }
        return context.terminal().errInteractive() ? context.err() : null;
    }

    private static String document(FinalReport report) {
        StringWriter json = new StringWriter();
        JsonReport.print(new PrintWriter(json), report);
        return json.toString().strip();
    }
}
