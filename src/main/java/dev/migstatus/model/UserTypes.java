package dev.migstatus.model;

import java.util.List;

/**
 * DocSpace writes {@code userType} as a name; its doc page shows the same types as integers.
 * Both are accepted and normalized to the name. Servers before 3.0 named the same numbers
 * otherwise ({@link #BEFORE_3_0}): their names are kept as the server wrote them, never rejected,
 * so on such a portal {@code User} is a guest.
 */
public final class UserTypes {

    /** Index = the integer the doc page uses. */
    public static final List<String> BY_NUMBER = List.of("All", "RoomAdmin", "Guest", "DocSpaceAdmin", "User");

    /**
     * The names DocSpace 2.5 to 2.6 wrote for the same integers, before "PowerUser -> User, User -> Guest"
     * (3.0): 2 was the lowest type, today's guest; 4, {@code Collaborator}, was what a parsed user started as.
     */
    public static final List<String> BEFORE_3_0 = List.of("All", "RoomAdmin", "User", "DocSpaceAdmin", "Collaborator");

    /** Who each type is, by integer. */
    private static final List<String> WHO = List.of("never a user's type (it means any, in filters)",
            "room admin", "the lowest type: a guest", "DocSpace admin",
            "a user; the type every user of a parse has until the admin chooses");

    private UserTypes() {
    }

    /** The README's table of type names by server version, row by row. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| number | DocSpace 3.0 and later | DocSpace 2.5 to 2.6 | who |\n|---|---|---|---|\n");
        for (int i = 0; i < BY_NUMBER.size(); i++) {
            table.append("| ").append(i).append(" | `").append(BY_NUMBER.get(i)).append("` | `").append(BEFORE_3_0.get(i))
                    .append("` | ").append(WHO.get(i)).append(" |\n");
        }
        return table.toString();
    }

    /** The shared instance of a known name; an unknown name as it is. */
    public static String canonical(String name) {
        if (name == null) {
            return null;
        }
        for (String known : BY_NUMBER) {
            if (known.equals(name)) {
                return known;
            }
        }
        return name;
    }

    public static String fromNumber(long number) {
        if (number >= 0 && number < BY_NUMBER.size()) {
            return BY_NUMBER.get((int) number);
        }
        return Long.toString(number);
    }
}
