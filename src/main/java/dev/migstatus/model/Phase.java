package dev.migstatus.model;

import java.util.Optional;

/** Where a migration stands, derived from one status answer. */
public enum Phase {
    /** The portal runs no migration (the envelope came without a response). */
    NONE("no migration"),
    /** Started, but the server has not named the operation yet. */
    QUEUED("starting"),
    PARSING("parsing"),
    PARSED("parse finished"),
    MIGRATING("migrating"),
    MIGRATED("migration finished"),
    FAILED("failed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Phase of(Optional<MigrationStatus> status) {
        return status.map(Phase::of).orElse(NONE);
    }

    public static Phase of(MigrationStatus status) {
        if (status.failed()) {
            return FAILED;
        }
        Operation op = status.operation();
        if (op == null) {
            return QUEUED;
        }
        return switch (op) {
            case PARSE -> status.ended() ? PARSED : PARSING;
            case MIGRATION -> status.ended() ? MIGRATED : MIGRATING;
        };
    }

    public boolean running() {
        return this == QUEUED || this == PARSING || this == MIGRATING;
    }
}
