package dev.migstatus.model;

import java.util.Locale;

/** The two operations the server runs, as {@code parseResult.operation} names them. */
public enum Operation {
    PARSE("parse"),
    MIGRATION("migration");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Null for an absent or unknown name: the server leaves it out early in a run. */
    public static Operation fromWire(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Operation op : values()) {
            if (op.wireName.equals(lower)) {
                return op;
            }
        }
        return null;
    }
}
