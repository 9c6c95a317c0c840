package dev.migstatus.render.report;

import dev.migstatus.model.MigratingFiles;
import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.util.List;

/**
 * The status object as {@code -o json} documents it: unwrapped from the envelope, every list
 * present, absent strings as null, {@code userType} as a name, {@code displayName} decoded.
 * Streamed member by member, so 100,000 users are never one big string.
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static void write(JsonWriter json, MigrationStatus status) throws IOException {
        if (status == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("progress");
        number(json, status.progress());
        json.name("error").value(status.error());
        json.name("isCompleted").value(status.isCompleted());
        json.name("parseResult");
        parseResult(json, status.parseResult());
        json.endObject();
    }

    private static void parseResult(JsonWriter json, ParseResult r) throws IOException {
        json.beginObject();
        json.name("migratorName").value(r.migratorName());
        json.name("operation").value(r.operationName());
        strings(json, "failedArchives", r.failedArchives());
        users(json, "users", r.users());
        users(json, "withoutEmailUsers", r.withoutEmailUsers());
        users(json, "existUsers", r.existUsers());
        json.name("groups").beginArray();
        for (MigrationGroup g : r.groups()) {
            json.beginObject();
            json.name("groupName").value(g.groupName());
            json.name("moduleName").value(g.moduleName());
            strings(json, "userUidList", g.userUidList());
            json.endObject();
        }
        json.endArray();
        json.name("successedUsers").value(r.successedUsers());
        json.name("failedUsers").value(r.failedUsers());
        strings(json, "files", r.files());
        strings(json, "errors", r.errors());
        json.endObject();
    }

    private static void users(JsonWriter json, String name, List<MigrationUser> users) throws IOException {
        json.name(name).beginArray();
        for (MigrationUser u : users) {
            json.beginObject();
            json.name("key").value(u.key());
            json.name("email").value(u.email());
            json.name("displayName").value(u.displayName());
            json.name("firstName").value(u.firstName());
            json.name("lastName").value(u.lastName());
            json.name("userType").value(u.userType());
            MigratingFiles f = u.migratingFiles();
            json.name("migratingFiles").beginObject()
                    .name("foldersCount").value(f.foldersCount())
                    .name("filesCount").value(f.filesCount())
                    .name("bytesTotal").value(f.bytesTotal())
                    .endObject();
            json.endObject();
        }
        json.endArray();
    }

    private static void strings(JsonWriter json, String name, List<String> values) throws IOException {
        json.name(name).beginArray();
        for (String v : values) {
            json.value(v);
        }
        json.endArray();
    }

    /** Whole numbers without a fraction: {@code 100}, not {@code 100.0}. */
    public static void number(JsonWriter json, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.value((long) value);
        } else {
            json.value(value);
        }
    }
}
