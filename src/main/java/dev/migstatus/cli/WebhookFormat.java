package dev.migstatus.cli;

import java.util.Locale;

/** What {@code --webhook} posts. */
public enum WebhookFormat {
    /** The final JSON document, as {@code -o json} prints it. */
    JSON,
    /** {@code {"text": "<summary sentence>"}}, which Slack, Mattermost and Teams workflows take. */
    SLACK;

    /** As users type it, in help and in shell completion. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
