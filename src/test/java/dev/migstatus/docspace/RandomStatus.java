package dev.migstatus.docspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Status objects with members of random types, in random order, sometimes repeated or unknown,
 * with strings of every kind: for checking two readers against each other.
 */
final class RandomStatus {

    private static final String[] WORDS = {"jdoe", "john.doe@example.com", "Siobh\\u00e1n", "O&#39;Brien", "\\u738b",
        "caf\u00e9", "\uD83D\uDE00", "\\ud83d\\ude00", "\\ud800", "tab\\t", "\\\"q\\\"", "\\\\", "\\/", "\u202e", "\\u202E",
        "\\u0085", "\u0085", "RoomAdmin", "User", "Guest", "DocSpaceAdmin", "4", "2", "12345678901", "&amp;&lt;", "migration",
        "parse", "Nextcloud", "", " ", "sk-copy0123456789", "sk-copy0123456789%2F", "\\u0000", "\u2028", "\u00a0x"};
    private static final String[] NUMBERS = {"0", "1", "-1", "27.5", "100", "1e2", "3.0", "-0", "9999999999999999999", "0.5"};
    private static final String[] COUNTS = {"0", "1", "12", "100", "1e2", "3.0", "-0", "123456789012345678", "1234567890123456789",
        "0.0", "5E0"};

    private final Random random;

    RandomStatus(Random random) {
        this.random = random;
    }

    String status() {
        List<String> members = new ArrayList<>();
        maybe(members, "progress", this::number);
        maybe(members, "error", this::string);
        maybe(members, "isCompleted", this::bool);
        maybe(members, "parseResult", this::parseResult);
        maybe(members, "unknown", this::scalar);
        return object(members);
    }

    /** Mostly what DocSpace writes there, now and then null, rarely another type. */
    private String typed(java.util.function.Supplier<String> right) {
        int roll = random.nextInt(300);
        return roll == 0 ? scalar() : roll < 20 ? "null" : right.get();
    }

    private String string() {
        return typed(() -> "\"" + WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : WORDS[random.nextInt(WORDS.length)])
                + "\"");
    }

    private String bool() {
        return typed(() -> random.nextBoolean() ? "true" : "false");
    }

    private String count() {
        return typed(() -> COUNTS[random.nextInt(COUNTS.length)]);
    }

    private String parseResult() {
        if (random.nextInt(100) == 0) {
            return scalar();
        }
        List<String> members = new ArrayList<>();
        maybe(members, "migratorName", this::string);
        maybe(members, "operation", () -> random.nextBoolean() ? "\"parse\"" : "\"migration\"");
        maybe(members, "failedArchives", this::strings);
        maybe(members, "users", this::users);
        maybe(members, "withoutEmailUsers", this::users);
        maybe(members, "existUsers", this::users);
        maybe(members, "groups", this::groups);
        maybe(members, "successedUsers", this::count);
        maybe(members, "failedUsers", this::count);
        maybe(members, "files", this::strings);
        maybe(members, "errors", this::strings);
        maybe(members, "importGroups", this::bool);
        return object(members);
    }

    private String users() {
        if (random.nextInt(150) == 0) {
            return scalar();
        }
        List<String> users = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            users.add(random.nextInt(200) == 0 ? scalar() : user());
        }
        return "[" + String.join(",", users) + "]";
    }

    String user() {
        List<String> members = new ArrayList<>();
        maybe(members, "key", this::string);
        maybe(members, "email", this::string);
        maybe(members, "displayName", this::string);
        maybe(members, "firstName", this::string);
        maybe(members, "lastName", this::string);
        maybe(members, "userType", () -> random.nextBoolean() ? string() : count());
        maybe(members, "migratingFiles", () -> {
            List<String> files = new ArrayList<>();
            maybe(files, "foldersCount", this::count);
            maybe(files, "filesCount", this::count);
            maybe(files, "bytesTotal", this::count);
            return random.nextInt(200) == 0 ? scalar() : random.nextInt(20) == 0 ? "null" : object(files);
        });
        maybe(members, "shouldImport", this::scalar);
        return object(members);
    }

    private String groups() {
        List<String> groups = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> members = new ArrayList<>();
            maybe(members, "groupName", this::string);
            maybe(members, "moduleName", this::string);
            maybe(members, "userUidList", this::strings);
            groups.add(object(members));
        }
        return "[" + String.join(",", groups) + "]";
    }

    private String strings() {
        if (random.nextInt(150) == 0) {
            return scalar();
        }
        List<String> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            values.add(random.nextInt(200) == 0 ? scalar() : string().equals("null") ? "\"x\"" : string());
        }
        return "[" + String.join(",", values) + "]";
    }

    private String scalar() {
        return switch (random.nextInt(8)) {
            case 0 -> number();
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> "\"" + NUMBERS[random.nextInt(NUMBERS.length)] + "\"";
            default -> "\"" + WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : WORDS[random.nextInt(WORDS.length)])
                    + "\"";
        };
    }

    private String number() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    private void maybe(List<String> members, String name, java.util.function.Supplier<String> value) {
        int roll = random.nextInt(10);
        if (roll < 7) {
            members.add("\"" + name + "\":" + value.get());
        }
        if (roll == 9) {
            members.add("\"" + name + "\":" + value.get());
            members.add("\"" + name + "\":" + value.get());
        }
    }

    private String object(List<String> members) {
        Collections.shuffle(members, random);
        return "{" + String.join(",", members) + "}";
    }
}
