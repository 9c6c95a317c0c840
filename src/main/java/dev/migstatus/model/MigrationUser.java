package dev.migstatus.model;

/**
 * One user found in the archive.
 *
 * <p>{@code displayName} is already HTML-decoded; the server encodes it ({@code O&#39;Brien}).
 * {@code userType} is the type's name: integers from older clients are mapped by {@link UserTypes},
 * and names this client does not know are kept as the server wrote them. Absent strings are null.
 */
public record MigrationUser(
        String key,
        String email,
        String displayName,
        String firstName,
        String lastName,
        String userType,
        MigratingFiles migratingFiles) {

    public MigrationUser {
        migratingFiles = migratingFiles == null ? MigratingFiles.NONE : migratingFiles;
    }

    /** The best name to show a person: display name, else first and last name, else the key. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? (key == null ? "" : key) : joined;
    }
}
