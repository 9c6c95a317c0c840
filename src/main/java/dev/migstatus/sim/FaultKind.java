package dev.migstatus.sim;

/** The ways a portal, or a proxy in front of it, fails in real life; {@code wireName} is how a scenario file names one. */
public enum FaultKind {
    /**
     * 500 in DocSpace's own error envelope: the portal could not reach its database while it checked
     * the key or the admin's rights (the status endpoint swallows its own failures).
     */
    SERVER_ERROR("500", 500, "Internal Server Error"),
    /** 502 with the HTML page a reverse proxy shows while DocSpace restarts. */
    BAD_GATEWAY("502", 502, "Bad Gateway"),
    /** 503 with a proxy's HTML page. */
    SERVICE_UNAVAILABLE("503", 503, "Service Temporarily Unavailable"),
    /** 504 with a proxy's HTML page. */
    GATEWAY_TIMEOUT("504", 504, "Gateway Time-out"),
    /** 429 with an empty body, as DocSpace's rate limiter answers. */
    TOO_MANY_REQUESTS("429", 429, "Too Many Requests"),
    /** The connection is closed before any answer. */
    RESET("reset", 0, "connection closed");

    private final String wireName;
    private final int httpStatus;
    private final String reason;

    FaultKind(String wireName, int httpStatus, String reason) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public String wireName() {
        return wireName;
    }

    /** 0 for {@link #RESET}, which sends nothing. */
    public int httpStatus() {
        return httpStatus;
    }

    public String reason() {
        return reason;
    }

    /** Null when {@code name} is none of them. */
    public static FaultKind fromWire(String name) {
        for (FaultKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
