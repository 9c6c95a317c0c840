package dev.migstatus.docspace;

import dev.migstatus.secrets.Redactor;

/**
 * The admin's key and how DocSpace wants it: an API key ({@code sk-…}) only as a Bearer token,
 * a session token as the {@code asc_auth_key} cookie. Exactly one header, never a URL parameter.
 */
public final class Credential {

    /**
     * Real keys are far longer; a shorter one would be redacted wherever its letters occur, turning
     * every line of output into noise.
     */
    public static final int MIN_LENGTH = 8;

    private final String secret;

    private Credential(String secret) {
        this.secret = secret;
    }

    /**
     * @throws IllegalArgumentException with a message fit to show the user (it never contains the key)
     */
    public static Credential of(String key) {
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.startsWith("\uFEFF")) {
            // Some editors start a saved file with a byte-order mark.
            trimmed = trimmed.substring(1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
        }
        if (trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the key is too short to be a DocSpace key (" + trimmed.length() + " characters; a key has at least " + MIN_LENGTH + ")");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            // A header value with these would be rejected or, worse, split into two headers.
            if (c <= ' ' || c == 0x7f || c == ';' || c == ',' || c > 0x7e) {
                throw new IllegalArgumentException("the key contains a space, control character, ';', ',' or non-ASCII character at position " + (i + 1));
            }
        }
        return new Credential(trimmed);
    }

    public boolean isApiKey() {
        return secret.startsWith("sk-");
    }

    public String headerName() {
        return isApiKey() ? "Authorization" : "Cookie";
    }

    public String headerValue() {
        return isApiKey() ? "Bearer " + secret : "asc_auth_key=" + secret;
    }

    /** The raw key, for redacting it from anything shown; never print it. */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "Credential[" + Redactor.REDACTED + "]";
    }
}
