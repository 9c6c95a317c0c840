package dev.migstatus.docspace;

import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.UserTypes;
import dev.migstatus.text.HtmlEntities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The user and group lists of a status, copied as the report writes them ({@code StatusJson}):
 * each user's members in the report's order, whatever order they came in, absent ones as null,
 * {@code displayName} decoded and {@code userType} a name, as {@link PeopleReader} reads them.
 * Each user's values are written to a scratch buffer first, then copied out in order.
 *
 * <p>Longer than most classes for one job: it mirrors {@link PeopleReader} member for member, so
 * that the two read side by side, and users and groups share the scratch buffer's bookkeeping.
 */
final class PeopleCopier {

    private final MemberNames user = new MemberNames(
            "key", "email", "displayName", "firstName", "lastName", "userType", "migratingFiles");
    private static final int KEY = 0;
    private static final int DISPLAY_NAME = 2;
    private static final int USER_TYPE = 5;
    private static final int MIGRATING_FILES = 6;
    private static final byte[][] USER_OUT = ascii("{\"key\":", ",\"email\":", ",\"displayName\":", ",\"firstName\":",
            ",\"lastName\":", ",\"userType\":");
    private final MemberNames files = new MemberNames("foldersCount", "filesCount", "bytesTotal");
    private static final byte[][] FILES_OUT = ascii(",\"migratingFiles\":{\"foldersCount\":", ",\"filesCount\":", ",\"bytesTotal\":");
    private final MemberNames group = new MemberNames("groupName", "moduleName", "userUidList");
    private static final byte[][] GROUP_OUT = ascii("{\"groupName\":", ",\"moduleName\":", ",\"userUidList\":");
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};

    private final JsonBytes json;
    private final CopiedValues values;
    private final ByteSink scratch = new ByteSink();
    /** Per member: where its value starts and ends in the scratch buffer; -1 when absent. */
    private final int[] from = new int[7];
    private final int[] to = new int[7];
    private final int[] filesFrom = new int[3];
    private final int[] filesTo = new int[3];

    PeopleCopier(JsonBytes json, CopiedValues values) {
        this.json = json;
        this.values = values;
    }

    /** A user list copied to {@code out}; returns its users with their keys only, or null when it is no list. */
    List<MigrationUser> users(ByteChunks out) throws IOException {
        if (!values.listStarts()) {
            out.writeAscii("[]");
            return null;
        }
        List<MigrationUser> users = new ArrayList<>();
        out.writeAscii("[");
        json.beginArray();
        while (json.hasNext()) {
            int kind = json.peek();
            if (kind != JsonBytes.OBJECT) {
                throw values.unexpected(kind, "an object (a user)");
            }
            if (!users.isEmpty()) {
                write(out, COMMA);
            }
            users.add(new MigrationUser(user(out), null, null, null, null, null, null));
        }
        json.endArray();
        out.writeAscii("]");
        return Collections.unmodifiableList(users);
    }

    /** Copies one user; returns its key. */
    private String user(ByteChunks out) throws IOException {
        scratch.reset();
        Arrays.fill(from, -1);
        Arrays.fill(filesFrom, -1);
        String key = null;
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            int member = json.nameIndex(user);
            if (member < 0) {
                json.skipValue();
                continue;
            }
            from[member] = scratch.size();
            if (member == MIGRATING_FILES) {
                migratingFiles();
            } else if (member == USER_TYPE) {
                userType();
            } else if (member == DISPLAY_NAME) {
                displayName();
            } else if (member == KEY) {
                key = key();
            } else {
                values.copyString(scratch);
            }
            to[member] = scratch.size();
        }
        json.endObject();
        // Put together after the values in the scratch buffer, then copied out in one piece.
        int object = scratch.size();
        for (int m = 0; m < USER_OUT.length; m++) {
            scratch.write(USER_OUT[m], 0, USER_OUT[m].length);
            if (from[m] < 0) {
                scratch.write(NULL, 0, NULL.length);
            } else {
                scratch.copyWithin(from[m], to[m]);
            }
        }
        for (int f = 0; f < FILES_OUT.length; f++) {
            scratch.write(FILES_OUT[f], 0, FILES_OUT[f].length);
            if (filesFrom[f] < 0) {
                scratch.write('0');
            } else {
                scratch.copyWithin(filesFrom[f], filesTo[f]);
            }
        }
        scratch.write('}');
        scratch.write('}');
        scratch.copyTo(out, object);
        return key;
    }

    private String key() throws IOException {
        if (json.peek() != JsonBytes.STRING) {
            String key = values.string();
            scratch.writeAscii("null");
            return key;
        }
        json.string();
        String key = json.decoded();
        if (json.plain()) {
            scratch.write('"');
            scratch.write(json.buffer(), json.start(), json.end() - json.start());
            scratch.write('"');
        } else {
            JsonStrings.write(key, scratch);
        }
        return key;
    }

    /** The server HTML-encodes display names ({@code O&#39;Brien}); only one with an ampersand needs decoding. */
    private void displayName() throws IOException {
        if (json.peek() == JsonBytes.STRING) {
            json.string();
            if (json.plain() && !json.ampersand()) {
                scratch.write('"');
                scratch.write(json.buffer(), json.start(), json.end() - json.start());
                scratch.write('"');
            } else {
                JsonStrings.write(HtmlEntities.decode(json.decoded()), scratch);
            }
            return;
        }
        values.string();
        scratch.writeAscii("null");
    }

    /** As {@link PeopleReader}: a type's name as it is, or the doc page's integer mapped to the name. */
    private void userType() throws IOException {
        if (json.peek() == JsonBytes.NUMBER) {
            CopiedValues.writeOrNull(UserTypes.fromNumber(values.count()), scratch);
        } else {
            values.copyString(scratch);
        }
    }

    private void migratingFiles() throws IOException {
        // A repeated migratingFiles replaces the one before, as in the model; null is none.
        Arrays.fill(filesFrom, -1);
        if (!values.objectStarts()) {
            return;
        }
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            int member = json.nameIndex(files);
            if (member < 0) {
                json.skipValue();
                continue;
            }
            filesFrom[member] = scratch.size();
            values.copyCount(scratch);
            filesTo[member] = scratch.size();
        }
        json.endObject();
    }

    /** The group list copied to {@code out}; returns how many groups it holds. */
    int groups(ByteChunks out) throws IOException {
        if (!values.listStarts()) {
            out.writeAscii("[]");
            return 0;
        }
        int count = 0;
        out.writeAscii("[");
        json.beginArray();
        while (json.hasNext()) {
            int kind = json.peek();
            if (kind != JsonBytes.OBJECT) {
                throw values.unexpected(kind, "an object (a group)");
            }
            if (count++ > 0) {
                write(out, COMMA);
            }
            group(out);
        }
        json.endArray();
        out.writeAscii("]");
        return count;
    }

    private void group(ByteChunks out) throws IOException {
        scratch.reset();
        Arrays.fill(from, -1);
        json.beginObject();
        while (json.hasNext()) {
            json.name();
            int member = json.nameIndex(group);
            if (member < 0) {
                json.skipValue();
                continue;
            }
            from[member] = scratch.size();
            if (member == 2) {
                values.copyStrings(scratch);
            } else {
                values.copyString(scratch);
            }
            to[member] = scratch.size();
        }
        json.endObject();
        for (int m = 0; m < GROUP_OUT.length; m++) {
            write(out, GROUP_OUT[m]);
            if (from[m] >= 0) {
                scratch.copyTo(out, from[m], to[m]);
            } else {
                out.writeAscii(m == 2 ? "[]" : "null");
            }
        }
        out.writeAscii("}");
    }

    private static void write(ByteChunks out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static byte[][] ascii(String... texts) {
        byte[][] bytes = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
