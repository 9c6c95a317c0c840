package dev.migstatus.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * Checks the values of a scenario's status objects where a real server's are known, so that a
 * typo such as {@code "progress": "x"} is refused with its frame and path instead of rehearsing
 * an answer no server sends (a watch would call it garbled, or wait for ever). Members it does
 * not know pass as written: a team may rehearse an odd shape. In an {@code update}, a JSON Merge
 * Patch, {@code null} removes a member and is always allowed.
 */
final class StatusShape {

    private enum Kind { STRING, BOOLEAN, PERCENT, COUNT, OPERATION, USER_TYPE, STRINGS, USERS, GROUPS, PARSE_RESULT, FILES }

    private static final Map<String, Kind> STATUS = Map.of(
            "progress", Kind.PERCENT, "error", Kind.STRING, "isCompleted", Kind.BOOLEAN, "parseResult", Kind.PARSE_RESULT);

    private static final Map<String, Kind> PARSE_RESULT = Map.ofEntries(
            Map.entry("migratorName", Kind.STRING), Map.entry("operation", Kind.OPERATION),
            Map.entry("failedArchives", Kind.STRINGS), Map.entry("files", Kind.STRINGS), Map.entry("errors", Kind.STRINGS),
            Map.entry("users", Kind.USERS), Map.entry("withoutEmailUsers", Kind.USERS), Map.entry("existUsers", Kind.USERS),
            Map.entry("groups", Kind.GROUPS), Map.entry("successedUsers", Kind.COUNT), Map.entry("failedUsers", Kind.COUNT),
            Map.entry("importPersonalFiles", Kind.BOOLEAN), Map.entry("importSharedFiles", Kind.BOOLEAN),
            Map.entry("importSharedFolders", Kind.BOOLEAN), Map.entry("importCommonFiles", Kind.BOOLEAN),
            Map.entry("importProjectFiles", Kind.BOOLEAN), Map.entry("importGroups", Kind.BOOLEAN));

    private static final Map<String, Kind> USER = Map.of(
            "key", Kind.STRING, "email", Kind.STRING, "displayName", Kind.STRING, "firstName", Kind.STRING,
            "lastName", Kind.STRING, "userType", Kind.USER_TYPE, "migratingFiles", Kind.FILES, "shouldImport", Kind.BOOLEAN);

    private static final Map<String, Kind> GROUP = Map.of(
            "groupName", Kind.STRING, "moduleName", Kind.STRING, "userUidList", Kind.STRINGS, "shouldImport", Kind.BOOLEAN);

    private static final Map<String, Kind> FILES = Map.of(
            "foldersCount", Kind.COUNT, "filesCount", Kind.COUNT, "bytesTotal", Kind.COUNT);

    private static final Set<String> OPERATIONS = Set.of("parse", "migration");

    private StatusShape() {
    }

    /**
     * @param patch the object is an {@code update}: {@code null} members are removals
     * @param where the frame, for the message: {@code frame 3: }
     */
    static void check(JsonObject status, boolean patch, String where) throws ScenarioException {
        members(status, STATUS, "", patch, where);
    }

    private static void members(JsonObject object, Map<String, Kind> known, String path, boolean patch, String where)
            throws ScenarioException {
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            Kind kind = known.get(member.getKey());
            JsonElement value = member.getValue();
            if (kind == null || patch && value.isJsonNull()) {
                continue;
            }
            value(value, kind, path + member.getKey(), patch, where);
        }
    }

    /** @param patch objects inside may still be patches: arrays replace whole, so their items may not */
    private static void value(JsonElement value, Kind kind, String path, boolean patch, String where) throws ScenarioException {
        boolean fits = switch (kind) {
            case STRING -> isString(value);
            case BOOLEAN -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case PERCENT -> isNumber(value) && value.getAsDouble() >= 0 && value.getAsDouble() <= 100;
            case COUNT -> isNumber(value) && value.getAsDouble() >= 0 && value.getAsDouble() == Math.rint(value.getAsDouble());
            case OPERATION -> isString(value) && OPERATIONS.contains(value.getAsString());
            // Servers write the type's name; older clients' integers 0..4 are read too.
            case USER_TYPE -> isString(value) || isNumber(value) && value.getAsDouble() == Math.rint(value.getAsDouble())
                    && value.getAsDouble() >= 0 && value.getAsDouble() <= 4;
            case STRINGS, USERS, GROUPS -> value.isJsonArray();
            case PARSE_RESULT, FILES -> value.isJsonObject();
        };
        if (!fits) {
            throw new ScenarioException(where + "\"" + path + "\" must be " + expected(kind) + " (found " + shown(value) + ")");
        }
        switch (kind) {
            case PARSE_RESULT -> members(value.getAsJsonObject(), PARSE_RESULT, path + ".", patch, where);
            case FILES -> members(value.getAsJsonObject(), FILES, path + ".", patch, where);
            case STRINGS -> items(value.getAsJsonArray(), Kind.STRING, null, path, where);
            case USERS -> items(value.getAsJsonArray(), null, USER, path, where);
            case GROUPS -> items(value.getAsJsonArray(), null, GROUP, path, where);
            default -> {
            }
        }
    }

    /** An array's items: values of {@code kind}, or whole objects of {@code shape}. */
    private static void items(JsonArray array, Kind kind, Map<String, Kind> shape, String path, String where)
            throws ScenarioException {
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonElement item = array.get(i);
            if (shape == null) {
                value(item, kind, at, false, where);
            } else if (!item.isJsonObject()) {
                throw new ScenarioException(where + "\"" + at + "\" must be an object (found " + shown(item) + ")");
            } else {
                members(item.getAsJsonObject(), shape, at + ".", false, where);
            }
        }
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static boolean isNumber(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case PERCENT -> "a number from 0 to 100";
            case COUNT -> "a whole number, 0 or more";
            case OPERATION -> "\"parse\" or \"migration\"";
            case USER_TYPE -> "a user type's name (\"User\", \"Guest\", …) or 0 to 4";
            case STRINGS -> "an array of strings";
            case USERS, GROUPS -> "an array of objects";
            case PARSE_RESULT, FILES -> "an object";
        };
    }

    /** The value as written, cut short: a scenario's own text, shown back to its author. */
    private static String shown(JsonElement value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }
}
