package dev.migstatus.sim;

import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Who a request comes from, judged as DocSpace judges it: a session token as the
 * {@code asc_auth_key} cookie or in {@code Authorization} (with or without "Bearer"), an API key
 * ({@code sk-…}) only as a Bearer token, and the cookie first when both are sent.
 */
final class KeyCheck {

    /** The verdict on one request. */
    enum Verdict {
        ADMIN,
        /** Signed in, but not a DocSpace admin: 403. */
        NOT_ADMIN,
        /** No key or a wrong one: 401. */
        REJECTED,
        /** A wrong {@code asc_auth_key} cookie: 401, and the server deletes the cookie. */
        REJECTED_COOKIE
    }

    private static final String COOKIE = "asc_auth_key";

    private final String adminKey;
    private final String notAdminKey;

    KeyCheck(String adminKey, String notAdminKey) {
        this.adminKey = adminKey;
        this.notAdminKey = notAdminKey;
    }

    Verdict judge(Headers headers) {
        String cookie = cookie(headers.get("Cookie"));
        if (cookie != null) {
            Verdict verdict = token(cookie, false);
            return verdict == Verdict.REJECTED ? Verdict.REJECTED_COOKIE : verdict;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return Verdict.REJECTED;
        }
        String value = authorization.strip();
        boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7);
        return token(bearer ? value.substring(7).strip() : value, bearer);
    }

    private Verdict token(String token, boolean bearer) {
        if (token.startsWith("sk-") && !bearer) {
            return Verdict.REJECTED;
        }
        if (same(token, adminKey)) {
            return Verdict.ADMIN;
        }
        return same(token, notAdminKey) ? Verdict.NOT_ADMIN : Verdict.REJECTED;
    }

    private static String cookie(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    /** In constant time: even a rehearsal portal should not teach a key away byte by byte. */
    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
