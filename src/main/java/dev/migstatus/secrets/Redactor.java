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

    private static final String HEX = "0123456789ABCDEF";

    private final Set<String> secrets = new LinkedHashSet<>();

    /**
     * Also redacts the forms the key takes inside a URL or a JSON string. URL-escaped: as Java's
     * URLEncoder writes it, and with every character but letters and digits escaped (an API key's
     * {@code -} as {@code %2D}), in upper- or lower-case hex.
     */
    public synchronized void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        secrets.add(secret);
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        secrets.add(urlEncoded);
        secrets.add(lowerHex(urlEncoded));
        String allEscaped = punctuationEscaped(secret);
        secrets.add(allEscaped);
        secrets.add(lowerHex(allEscaped));
        secrets.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** {@code s} with every character but ASCII letters and digits percent-encoded as UTF-8, in upper-case hex. */
    private static String punctuationEscaped(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
            i = end - 1;
        }
        return out.toString();
    }

    /** The hex digits of every {@code %XX} in lower case. */
    private static String lowerHex(String escaped) {
        StringBuilder out = new StringBuilder(escaped);
        for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 3)) {
            out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
            out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
        }
        return out.toString();
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
