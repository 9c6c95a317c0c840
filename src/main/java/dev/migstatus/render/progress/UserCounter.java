package dev.migstatus.render.progress;

import dev.migstatus.model.ParseResult;
import dev.migstatus.text.Formats;

import java.util.Arrays;

/**
 * Remembers the last count of distinct users, keyed on the list sizes: a poll every two seconds
 * must not walk 100,000 users when nothing changed, and the lists only change when an operation ends.
 */
final class UserCounter {

    private long[] sizes = new long[0];
    private long count;

    long count(ParseResult result) {
        long[] now = {result.users().size(), result.withoutEmailUsers().size(), result.existUsers().size()};
        if (!Arrays.equals(now, sizes)) {
            sizes = now;
            count = result.distinctUsers();
        }
        return count;
    }

    /** {@code 3 users · 1 group}; a count of nothing is left out, so "" while the server has listed nobody yet. */
    String describe(ParseResult result) {
        long users = count(result);
        int groups = result.groups().size();
        if (users == 0 && groups == 0) {
            return "";
        }
        String people = users == 0 ? "" : Formats.count(users, "user", "users");
        String teams = groups == 0 ? "" : Formats.count(groups, "group", "groups");
        return people.isEmpty() || teams.isEmpty() ? people + teams : people + " · " + teams;
    }
}
