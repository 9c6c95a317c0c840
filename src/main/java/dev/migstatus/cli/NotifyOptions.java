package dev.migstatus.cli;

import dev.migstatus.notify.WebhookTarget;

import picocli.CommandLine.Option;

import java.util.List;

/** Being told when a watch ends: by the terminal, or by a chat or anything else that takes a webhook. */
public final class NotifyOptions implements HelpSection {

    @Override
    public String heading() {
        return "Notifications";
    }

    @Option(names = "--notify",
            description = "When a watch of a minute or more ends, ring the bell and send a desktop notification through the"
                    + " terminal (OSC 9 and 777). Only on a terminal.")
    private boolean terminal;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "When the watch ends, POST the JSON report to URL (https, or http to this machine). A failure is"
                    + " a warning, never the exit code. Default: $" + Defaults.WEBHOOK_ENV + ".")
    private String webhook;

    @Option(names = "--webhook-format", paramLabel = "FORMAT",
            description = "json (default): the -o json document; slack: {\"text\": the summary sentence}, for Slack,"
                    + " Mattermost and Teams workflows.")
    private WebhookFormat format;

    /** The webhook's address is as secret as the key (a chat's token is in its path): it is redacted like the key. */
    NotifySettings resolve(Context context) {
        String url = webhook != null ? webhook : context.firstEnv(List.of(Defaults.WEBHOOK_ENV));
        if (url == null || url.isBlank()) {
            if (format != null) {
                throw new UsageException("--webhook-format needs a webhook: give --webhook URL or set " + Defaults.WEBHOOK_ENV);
            }
            return new NotifySettings(terminal, null, WebhookFormat.JSON);
        }
        String source = webhook != null ? "--webhook" : Defaults.WEBHOOK_ENV;
        context.redactor().add(url.strip());
        try {
            return new NotifySettings(terminal, WebhookTarget.parse(url), format == null ? WebhookFormat.JSON : format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }
}
