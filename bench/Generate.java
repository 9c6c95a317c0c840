import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a DocSpace status envelope with N users, compact as the server writes it:
 * {@code java bench/Generate.java USERS OUT.json [running|completed]}.
 *
 * <p>Shaped like a big tenant's parse result: every user is in {@code users}, every tenth user
 * has no e-mail and is repeated in {@code withoutEmailUsers}, every fourth already exists on the
 * portal and is repeated in {@code existUsers}; one group per 100 users. Names mix ASCII,
 * accents, CJK, {@code \\uXXXX} escapes and the HTML entities the server writes. Deterministic:
 * the same arguments give the same bytes.
 */
public final class Generate {

    private static final String[] FIRST = {"John", "Mary", "Sin\\u00e9ad", "Wei", "Ana", "Olu", "Jos\u00e9", "Hanna", "\u738b", "Lee"};
    private static final String[] LAST = {"Doe", "Major", "O&#39;Brien", "Zhang", "Silva", "Adeyemi", "Garc\u00eda", "M\u00fcller", "\u5c0f\u660e", "Gacy"};
    private static final String[] TYPES = {"User", "RoomAdmin", "Guest", "DocSpaceAdmin", "User", "User", "Guest", "User"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/Generate.java USERS OUT.json [running|completed]");
            System.exit(2);
        }
        int users = Integer.parseInt(args[0]);
        boolean running = args.length > 2 && args[2].equals("running");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8), 1 << 16)) {
            write(out, users, running);
        }
    }

    private static void write(Writer out, int n, boolean running) throws IOException {
        out.write("{\"response\":{\"progress\":");
        out.write(running ? "37" : "100");
        out.write(",\"error\":\"\",\"isCompleted\":");
        out.write(running ? "false" : "true");
        out.write(",\"parseResult\":{\"migratorName\":\"GoogleWorkspace\",\"operation\":\"parse\",\"failedArchives\":[],");
        out.write("\"users\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write(',');
            }
            user(out, i);
        }
        out.write("],\"withoutEmailUsers\":[");
        boolean first = true;
        for (int i = 0; i < n; i += 10) {
            if (!first) {
                out.write(',');
            }
            first = false;
            user(out, i);
        }
        out.write("],\"existUsers\":[");
        first = true;
        for (int i = 3; i < n; i += 4) {
            if (!first) {
                out.write(',');
            }
            first = false;
            user(out, i);
        }
        out.write("],\"groups\":[");
        int groups = Math.max(1, n / 100);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                out.write(',');
            }
            out.write("{\"groupName\":\"Team " + g + "\",\"userUidList\":[");
            for (int i = g; i < n; i += groups) {
                if (i > g) {
                    out.write(',');
                }
                out.write('"');
                out.write(key(i));
                out.write('"');
            }
            out.write("],\"shouldImport\":false}");
        }
        out.write("],\"importPersonalFiles\":false,\"importSharedFiles\":false,\"importSharedFolders\":false,"
                + "\"importCommonFiles\":false,\"importProjectFiles\":false,\"importGroups\":false,"
                + "\"successedUsers\":0,\"failedUsers\":0,\"files\":[\"takeout-001.zip\",\"takeout-002.zip\"],\"errors\":[]}},"
                + "\"count\":1,\"links\":[{\"href\":\"https://portal.example.com/api/2.0/migration/status\",\"action\":\"GET\"}],"
                + "\"status\":0,\"statusCode\":200}");
    }

    private static String key(int i) {
        return String.format("u%06d-%08x", i, i * 2654435761L & 0xffffffffL);
    }

    private static void user(Writer out, int i) throws IOException {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        boolean noEmail = i % 10 == 0;
        out.write("{\"key\":\"");
        out.write(key(i));
        out.write('"');
        if (!noEmail) {
            out.write(",\"email\":\"user" + i + "@example.com\"");
        }
        out.write(",\"displayName\":\"" + first + " " + last + " " + i + "\"");
        out.write(",\"firstName\":\"" + first + "\"");
        if (i % 7 != 0) {
            out.write(",\"lastName\":\"" + last.replace("&#39;", "'") + "\"");
        }
        out.write(",\"userType\":\"" + TYPES[i % TYPES.length] + "\"");
        long files = (i * 31L) % 500;
        out.write(",\"migratingFiles\":{\"foldersCount\":" + (files / 10) + ",\"filesCount\":" + files
                + ",\"bytesTotal\":" + (files * 123_457L + i) + "},\"shouldImport\":false}");
    }
}
