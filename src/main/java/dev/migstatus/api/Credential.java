package dev.migstatus.api;

/**
 * The admin's key and how DocSpace wants it: an API key ({@code sk-…}) only as a Bearer token,
 * a session token as the {@code asc_auth_key} cookie. Exactly one header, never a URL parameter.
 */
public final class Credential {

    private final String secret;

    private Credential(String secret) {
        this.secret = secret;
    }

    /**
     * @throws IllegalArgumentException with a message fit to show the user (it never contains the key)
     */
    public static Credential of(String key) {
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
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
        return "Credential[<redacted>]";
    }
}
