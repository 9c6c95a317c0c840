package dev.migstatus.model;

import java.util.List;

/**
 * DocSpace writes {@code userType} as a name; its doc page shows the same types as integers.
 * Both are accepted and normalized to the name. Servers before 3.0 had other names
 * ({@code Collaborator}): those are kept as they are, never rejected.
 */
public final class UserTypes {

    /** Index = the integer the doc page uses. */
    public static final List<String> BY_NUMBER = List.of("All", "RoomAdmin", "Guest", "DocSpaceAdmin", "User");

    private UserTypes() {
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
