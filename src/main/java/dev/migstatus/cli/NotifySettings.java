package dev.migstatus.cli;

import dev.migstatus.notify.WebhookTarget;

/**
 * How the user is told that a watch ended, besides the report.
 *
 * @param terminal the bell and a desktop notification through the terminal ({@code --notify})
 * @param webhook  where to post the end, or null
 */
record NotifySettings(boolean terminal, WebhookTarget webhook, WebhookFormat format) {

    static final NotifySettings NONE = new NotifySettings(false, null, WebhookFormat.JSON);
}
