package dev.migstatus.docspace;

import dev.migstatus.model.MigratingFiles;
import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.UserTypes;
import dev.migstatus.text.HtmlEntities;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The user and group lists of a status, read as they stream in. */
final class PeopleReader {

    private final JsonReader json;
    private final JsonValues values;
    /**
     * Users by key, as first read. The server repeats users in up to three lists; an equal
     * repeat shares the first instance and a group member shares the user's key, which keeps
     * the model of a 100,000-user status a quarter smaller (and so quicker to collect).
     */
    private final Map<String, MigrationUser> usersByKey = new HashMap<>();

    PeopleReader(JsonReader json, JsonValues values) {
        this.json = json;
        this.values = values;
    }

    List<MigrationUser> users() throws IOException {
        if (!values.listStarts()) {
            return null;
        }
        List<MigrationUser> users = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw values.unexpected("an object (a user)");
            }
            users.add(shared(user()));
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
                case "key" -> key = values.string();
                case "email" -> email = values.string();
                case "displayName" -> displayName = HtmlEntities.decode(values.string());
                case "firstName" -> firstName = values.string();
                case "lastName" -> lastName = values.string();
                case "userType" -> userType = userType();
                case "migratingFiles" -> files = values.objectStarts() ? migratingFiles() : null;
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new MigrationUser(key, email, displayName, firstName, lastName, userType, files);
    }

    /** A name as the server writes it, or the doc page's integer mapped to the name: the two forms DocSpace documents. */
    private String userType() throws IOException {
        if (json.peek() == JsonToken.NUMBER) {
            return UserTypes.fromNumber(values.count());
        }
        // One instance per known name instead of one per user.
        return UserTypes.canonical(values.string());
    }

    private MigratingFiles migratingFiles() throws IOException {
        long folders = 0;
        long files = 0;
        long bytes = 0;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "foldersCount" -> folders = values.count();
                case "filesCount" -> files = values.count();
                case "bytesTotal" -> bytes = values.count();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new MigratingFiles(folders, files, bytes);
    }

    List<MigrationGroup> groups() throws IOException {
        if (!values.listStarts()) {
            return null;
        }
        List<MigrationGroup> groups = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw values.unexpected("an object (a group)");
            }
            String name = null;
            String module = null;
            List<String> members = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "groupName" -> name = values.string();
                    case "moduleName" -> module = values.string();
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
        List<String> keys = values.strings();
        if (keys == null || usersByKey.isEmpty()) {
            return keys;
        }
        List<String> shared = new ArrayList<>(keys.size());
        for (String key : keys) {
            shared.add(sharedKey(key));
        }
        return shared;
    }
}
