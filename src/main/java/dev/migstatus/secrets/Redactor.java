package dev.migstatus.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Knows the secrets of one run and takes them out of any text. Every stream and file migstatus
 * writes passes through it, so a key echoed by a server, a proxy or a bug never reaches a log;
 * the client redacts server messages with it too, before it cuts them to one line.
 */
public final class Redactor {

    /** No angle brackets: the replacement lands in XML and Markdown files too, after their escaping. */
    public static final String REDACTED = "[redacted]";

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Also redacts the forms the key takes inside a URL or a JSON string. */
    public synchronized void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        secrets.add(secret);
        secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        secrets.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** The longest text that can be a secret: a writer keeps that much back before it is sure. */
    public synchronized int longest() {
        int longest = 0;
        for (String secret : secrets) {
            longest = Math.max(longest, secret.length());
        }
        return longest;
    }

    /** Every text redacted, in the order added: each key and its URL and JSON forms. */
    public synchronized List<String> secrets() {
        return List.copyOf(secrets);
    }

    public synchronized String redact(String text) {
        if (secrets.isEmpty() || text == null) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }
}
