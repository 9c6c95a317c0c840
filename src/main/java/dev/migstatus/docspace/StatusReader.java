package dev.migstatus.docspace;

import dev.migstatus.model.MigratingFiles;
import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.UserTypes;
import dev.migstatus.text.HtmlEntities;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a status envelope straight from the response stream with gson's {@link JsonReader}:
 * a large tenant's status is tens of megabytes, so neither the body nor a tree of it is held.
 *
 * <p>It is lenient about shapes, strict about syntax: members may come in any order, be absent,
 * or carry a value of an unexpected type (read as absent); unknown members are skipped. A syntax
 * error surfaces as the reader's {@link IOException}.
 */
final class StatusReader {

    private final JsonReader json;
    /**
     * Users by key, as first read. The server repeats users in up to three lists; an equal
     * repeat shares the first instance and a group member shares the user's key, which keeps
     * the model of a 100,000-user status a quarter smaller (and so quicker to collect).
     */
    private final Map<String, MigrationUser> usersByKey = new HashMap<>();

    private StatusReader(Reader in) {
        this.json = new JsonReader(in);
    }

    static Envelope read(Reader in) throws IOException {
        return new StatusReader(in).envelope();
    }

    private Envelope envelope() throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            return new Envelope(null, false, 0, 0, null);
        }
        MigrationStatus status = null;
        boolean recognized = false;
        boolean wrongResponse = false;
        int statusFlag = 0;
        int statusCode = 0;
        String errorMessage = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "response" -> {
                    JsonToken token = json.peek();
                    // Only an object or null is a DocSpace answer; "hello" must not pass for "no migration".
                    recognized = token == JsonToken.BEGIN_OBJECT || token == JsonToken.NULL;
                    wrongResponse = !recognized;
                    status = token == JsonToken.BEGIN_OBJECT ? statusObject() : skipped();
                }
                case "status" -> {
                    recognized = true;
                    statusFlag = (int) longValue();
                }
                case "statusCode" -> {
                    recognized = true;
                    statusCode = (int) longValue();
                }
                case "error" -> errorMessage = ErrorBody.errorMember(json);
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new com.google.gson.stream.MalformedJsonException("more than one JSON value in the answer");
        }
        return new Envelope(status, !wrongResponse && (recognized || errorMessage != null), statusFlag, statusCode, errorMessage);
    }

    private MigrationStatus statusObject() throws IOException {
        double progress = 0;
        String error = "";
        boolean completed = false;
        ParseResult parseResult = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "progress" -> progress = doubleValue();
                case "error" -> {
                    String e = stringValue();
                    error = e == null ? "" : e;
                }
                case "isCompleted" -> completed = booleanValue();
                case "parseResult" -> parseResult = json.peek() == JsonToken.BEGIN_OBJECT ? parseResult() : skipped();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new MigrationStatus(progress, error, completed, parseResult);
    }

    private ParseResult parseResult() throws IOException {
        String migratorName = null;
        String operation = null;
        List<String> failedArchives = null;
        List<MigrationUser> users = null;
        List<MigrationUser> withoutEmail = null;
        List<MigrationUser> existing = null;
        List<MigrationGroup> groups = null;
        long succeeded = 0;
        long failed = 0;
        List<String> files = null;
        List<String> errors = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "migratorName" -> migratorName = stringValue();
                case "operation" -> operation = stringValue();
                case "failedArchives" -> failedArchives = stringList();
                case "users" -> users = userList();
                case "withoutEmailUsers" -> withoutEmail = userList();
                case "existUsers" -> existing = userList();
                case "groups" -> groups = groupList();
                case "successedUsers" -> succeeded = longValue();
                case "failedUsers" -> failed = longValue();
                case "files" -> files = stringList();
                case "errors" -> errors = stringList();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new ParseResult(migratorName, operation, failedArchives, users, withoutEmail, existing, groups,
                succeeded, failed, files, errors);
    }

    private List<MigrationUser> userList() throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            return skipped();
        }
        List<MigrationUser> users = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() == JsonToken.BEGIN_OBJECT) {
                users.add(shared(user()));
            } else {
                json.skipValue();
            }
        }
        json.endArray();
        return Collections.unmodifiableList(users);
    }

    private MigrationUser shared(MigrationUser user) {
        if (user.key() == null) {
            return user;
        }
        MigrationUser first = usersByKey.putIfAbsent(user.key(), user);
        return first != null && first.equals(user) ? first : user;
    }

    /** The key instance of the user with this key, when there is one. */
    private String sharedKey(String key) {
        MigrationUser user = usersByKey.get(key);
        return user == null ? key : user.key();
    }

    private MigrationUser user() throws IOException {
        String key = null;
        String email = null;
        String displayName = null;
        String firstName = null;
        String lastName = null;
        String userType = null;
        MigratingFiles files = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "key" -> key = stringValue();
                case "email" -> email = stringValue();
                case "displayName" -> displayName = HtmlEntities.decode(stringValue());
                case "firstName" -> firstName = stringValue();
                case "lastName" -> lastName = stringValue();
                case "userType" -> userType = userType();
                case "migratingFiles" -> files = json.peek() == JsonToken.BEGIN_OBJECT ? migratingFiles() : skipped();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new MigrationUser(key, email, displayName, firstName, lastName, userType, files);
    }

    /** A name as the server writes it, or the doc page's integer mapped to the name. */
    private String userType() throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NUMBER) {
            return UserTypes.fromNumber(longValue());
        }
        String name = stringValue();
        if (name != null && !name.isEmpty() && name.length() < 10 && allDigits(name)) {
            return UserTypes.fromNumber(Long.parseLong(name));
        }
        // One instance per known name instead of one per user.
        return UserTypes.canonical(name);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private MigratingFiles migratingFiles() throws IOException {
        long folders = 0;
        long files = 0;
        long bytes = 0;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "foldersCount" -> folders = longValue();
                case "filesCount" -> files = longValue();
                case "bytesTotal" -> bytes = longValue();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new MigratingFiles(folders, files, bytes);
    }

    private List<MigrationGroup> groupList() throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            return skipped();
        }
        List<MigrationGroup> groups = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                json.skipValue();
                continue;
            }
            String name = null;
            String module = null;
            List<String> members = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "groupName" -> name = stringValue();
                    case "moduleName" -> module = stringValue();
                    case "userUidList" -> members = keyList();
                    default -> json.skipValue();
                }
            }
            json.endObject();
            groups.add(new MigrationGroup(name, module, members));
        }
        json.endArray();
        return Collections.unmodifiableList(groups);
    }

    /** Group members: user keys, sharing the users' own key strings. */
    private List<String> keyList() throws IOException {
        List<String> keys = stringList();
        if (keys == null || usersByKey.isEmpty()) {
            return keys;
        }
        List<String> shared = new ArrayList<>(keys.size());
        for (String key : keys) {
            shared.add(sharedKey(key));
        }
        return shared;
    }

    private List<String> stringList() throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            return skipped();
        }
        List<String> list = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String s = stringValue();
            if (s != null) {
                list.add(s);
            }
        }
        json.endArray();
        return Collections.unmodifiableList(list);
    }

    private String stringValue() throws IOException {
        switch (json.peek()) {
            case STRING, NUMBER:
                return json.nextString();
            case BOOLEAN:
                return Boolean.toString(json.nextBoolean());
            default:
                json.skipValue();
                return null;
        }
    }

    private double doubleValue() throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NUMBER || token == JsonToken.STRING) {
            try {
                double d = Double.parseDouble(json.nextString());
                return Double.isFinite(d) ? d : 0;
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        json.skipValue();
        return 0;
    }

    /**
     * Counts and sizes: integers almost always, which gson reads without making a string or
     * parsing a double (three per user). Anything else goes the double way and is truncated.
     */
    private long longValue() throws IOException {
        if (json.peek() == JsonToken.NUMBER) {
            try {
                return json.nextLong();
            } catch (NumberFormatException notAWholeLong) {
                // gson keeps the number for the next read when it is no long: 3.5, 1e30.
            }
        }
        return (long) doubleValue();
    }

    private boolean booleanValue() throws IOException {
        switch (json.peek()) {
            case BOOLEAN:
                return json.nextBoolean();
            case STRING:
                return Boolean.parseBoolean(json.nextString());
            case NUMBER:
                return json.nextDouble() != 0;
            default:
                json.skipValue();
                return false;
        }
    }

    /** Skips a value of an unexpected type; the caller reads it as absent. */
    private <T> T skipped() throws IOException {
        json.skipValue();
        return null;
    }
}
