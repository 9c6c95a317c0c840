package dev.migstatus.notify;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** What {@code --webhook} posts: a body and its media type. */
public record WebhookMessage(String contentType, String body) {

    public static final String JSON = "application/json";

    /** The final JSON document, as {@code -o json} prints it. */
    public static WebhookMessage document(String json) {
        return new WebhookMessage(JSON, json);
    }

    /**
     * {@code {"text": …}}: what Slack's incoming webhooks take, and Mattermost's and Teams'
     * workflows with them. {@code &}, {@code <} and {@code >} are escaped as Slack asks: in its
     * markup, server text such as {@code <!channel>} would otherwise notify the whole channel.
     */
    public static WebhookMessage chat(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject().name("text").value(escaped).endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WebhookMessage(JSON, out.toString());
    }
}
