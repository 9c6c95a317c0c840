package dev.migstatus.notify;

import dev.migstatus.docspace.PortalUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where {@code --webhook} posts: https, or plain http to this machine only, as for {@code --host}.
 * The address itself is often the secret (a Slack webhook's path is its token), so messages name
 * only its {@link #origin()}.
 */
public record WebhookTarget(URI uri) {

    /** @throws IllegalArgumentException with a message fit to show, which does not repeat the address */
    public static WebhookTarget parse(String text) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL; give the address the chat or service shows, e.g. https://hooks.slack.com/services/…");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("not an https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a user name or password in the URL is not sent; use the token URL the service gives");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("no valid host name in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the URL has a #fragment, which is never sent; remove it");
        }
        if (scheme.equals("http") && !PortalUrl.isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException("plain http would send the report across the network in clear text; use https://"
                    + " (plain http is for a receiver on this machine only)");
        }
        return new WebhookTarget(uri);
    }

    /** Scheme, host and port: what a message may show. */
    public String origin() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
