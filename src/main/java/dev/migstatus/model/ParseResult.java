package dev.migstatus.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server learned from the archive and, after a migration, what it imported.
 * Every list is present (empty when the server left it out); absent names are null.
 */
public record ParseResult(
        String migratorName,
        String operationName,
        List<String> failedArchives,
        List<MigrationUser> users,
        List<MigrationUser> withoutEmailUsers,
        List<MigrationUser> existUsers,
        List<MigrationGroup> groups,
        long successedUsers,
        long failedUsers,
        List<String> files,
        List<String> errors) {

    public static final ParseResult EMPTY =
            new ParseResult(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0, List.of(), List.of());

    public ParseResult {
        failedArchives = listOrEmpty(failedArchives);
        users = listOrEmpty(users);
        withoutEmailUsers = listOrEmpty(withoutEmailUsers);
        existUsers = listOrEmpty(existUsers);
        groups = listOrEmpty(groups);
        files = listOrEmpty(files);
        errors = listOrEmpty(errors);
    }

    /** Null when the server did not say, or said something this client does not know. */
    public Operation operation() {
        return Operation.fromWire(operationName);
    }

    /** Users found in the archive: a user may appear in more than one of the three lists, and counts once. */
    public long distinctUsers() {
        if (withoutEmailUsers.isEmpty() && existUsers.isEmpty()) {
            return users.size();
        }
        // Sized for all of them: growing a set of 100,000 keys step by step costs more than filling it.
        Set<String> keys = new HashSet<>((int) ((users.size() + withoutEmailUsers.size() + existUsers.size()) / 0.75f) + 1);
        long unkeyed = 0;
        for (List<MigrationUser> list : List.of(users, withoutEmailUsers, existUsers)) {
            for (MigrationUser user : list) {
                if (user.key() == null) {
                    unkeyed++;
                } else {
                    keys.add(user.key());
                }
            }
        }
        return keys.size() + unkeyed;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        // Lists from the parser are already unmodifiable; copying 100k users per poll would be waste.
        return list == null ? List.of() : list;
    }
}
