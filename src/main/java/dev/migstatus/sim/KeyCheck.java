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

    /** The admission on one request. */
    enum Admission {
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

    Admission judge(Headers headers) {
        String cookie = cookie(headers.get("Cookie"));
        if (cookie != null) {
            Admission admission = token(cookie, false);
            return admission == Admission.REJECTED ? Admission.REJECTED_COOKIE : admission;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return Admission.REJECTED;
        }
        String value = authorization.strip();
        boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7);
        return token(bearer ? value.substring(7).strip() : value, bearer);
    }

    private Admission token(String token, boolean bearer) {
        if (token.startsWith("sk-") && !bearer) {
            return Admission.REJECTED;
        }
        if (same(token, adminKey)) {
            return Admission.ADMIN;
        }
        return same(token, notAdminKey) ? Admission.NOT_ADMIN : Admission.REJECTED;
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
