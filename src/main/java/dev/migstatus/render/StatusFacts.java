package dev.migstatus.render;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts worth showing, read off one status without copying its lists. */
final class StatusFacts {

    private StatusFacts() {
    }

    /** Progress is meaningless while the server sits at 0 or 1: it moves in integer steps over many users. */
    static boolean indeterminate(MigrationStatus status) {
        return status.progress() <= 1;
    }

    /** Users found in the archive: a user may appear in more than one of the three lists, and counts once. */
    static long distinctUsers(ParseResult result) {
        if (result.withoutEmailUsers().isEmpty() && result.existUsers().isEmpty()) {
            return result.users().size();
        }
        Set<String> keys = new HashSet<>();
        long unkeyed = 0;
        for (List<MigrationUser> list : List.of(result.users(), result.withoutEmailUsers(), result.existUsers())) {
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

    /**
     * Remembers the last count, keyed on the list sizes: a poll every two seconds must not walk
     * 100,000 users when nothing changed, and the lists only change when an operation ends.
     */
    static final class UserCounter {
        private long[] sizes = new long[0];
        private long count;

        long count(ParseResult result) {
            long[] now = {result.users().size(), result.withoutEmailUsers().size(), result.existUsers().size()};
            if (!java.util.Arrays.equals(now, sizes)) {
                sizes = now;
                count = distinctUsers(result);
            }
            return count;
        }

        /** {@code 3 users · 1 group}, or "" while the server has listed nobody yet. */
        String describe(ParseResult result) {
            long users = count(result);
            if (users == 0 && result.groups().isEmpty()) {
                return "";
            }
            return Formats.count(users, "user", "users") + " · " + Formats.count(result.groups().size(), "group", "groups");
        }
    }
}
