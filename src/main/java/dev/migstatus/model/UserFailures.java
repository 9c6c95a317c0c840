package dev.migstatus.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who a finished migration failed to import, as far as can be told: an {@code errors[]} entry
 * names a user by key or e-mail ({@code "bad.user@example.com - Couldn't import user"}), and
 * {@code failedUsers} says how many failed in all, so the rest failed without an error naming them.
 *
 * @param byUser  the error text for each user an error names, by {@link #id(MigrationUser)}
 * @param others  errors that name no listed user
 * @param unnamed failed users that no error names
 */
public record UserFailures(Map<String, String> byUser, List<String> others, long unnamed) {

    public static UserFailures of(ParseResult result) {
        Map<String, MigrationUser> byName = index(distinct(result));
        Map<String, String> byUser = new HashMap<>();
        List<String> others = new ArrayList<>();
        for (String error : result.errors()) {
            MigrationUser user = namedIn(error, byName);
            if (user != null) {
                byUser.merge(id(user), error, (a, b) -> a + "; " + b);
            } else {
                others.add(error);
            }
        }
        return new UserFailures(Map.copyOf(byUser), List.copyOf(others), Math.max(0, result.failedUsers() - byUser.size()));
    }

    /** The error naming {@code user}, or null when none does. */
    public String of(MigrationUser user) {
        return byUser.get(id(user));
    }

    /** A user as errors and lists identify one: the key, else e-mail and name. */
    public static String id(MigrationUser user) {
        return user.key() != null ? user.key() : user.email() + "/" + user.name();
    }

    /** The users a migration works on, each once: those with and without an e-mail. */
    public static List<MigrationUser> distinct(ParseResult result) {
        Map<String, MigrationUser> users = new LinkedHashMap<>();
        for (List<MigrationUser> list : List.of(result.users(), result.withoutEmailUsers())) {
            for (MigrationUser user : list) {
                users.putIfAbsent(id(user), user);
            }
        }
        return new ArrayList<>(users.values());
    }

    /** Users by key and by e-mail, lower-cased. */
    private static Map<String, MigrationUser> index(List<MigrationUser> users) {
        Map<String, MigrationUser> byName = new HashMap<>();
        for (MigrationUser user : users) {
            if (user.key() != null) {
                byName.putIfAbsent(user.key().toLowerCase(Locale.ROOT), user);
            }
            if (user.email() != null) {
                byName.putIfAbsent(user.email().toLowerCase(Locale.ROOT), user);
            }
        }
        return byName;
    }

    private static MigrationUser namedIn(String error, Map<String, MigrationUser> byName) {
        int dash = error.indexOf(" - ");
        String head = (dash > 0 ? error.substring(0, dash) : error).strip().toLowerCase(Locale.ROOT);
        return byName.get(head);
    }
}
