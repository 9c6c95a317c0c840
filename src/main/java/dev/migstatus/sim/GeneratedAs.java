package dev.migstatus.sim;

import java.util.Locale;

/**
 * How the server lists made-up users at a moment of a migration: the parse lists every user as a
 * full user, not selected; the first status of a migration is the admin's request (the chosen types,
 * each user selected); the migration's own lists carry the chosen types, with nobody marked selected.
 */
public enum GeneratedAs {
    /** As a parse lists them: {@code userType} {@code User}, {@code shouldImport} false. */
    PARSED,
    /** As the admin's request starts a migration: types chosen, {@code shouldImport} true. */
    SELECTED,
    /** As a running or finished migration lists them: types chosen, {@code shouldImport} false. */
    MIGRATED;

    /** How a scenario file names it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code name} is none of them. */
    public static GeneratedAs fromWire(String name) {
        for (GeneratedAs as : values()) {
            if (as.wireName().equals(name)) {
                return as;
            }
        }
        return null;
    }
}
