package dev.migstatus.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Made-up users for a big tenant, the same on every run, shaped as the server writes them:
 * {@code displayName} HTML-encoded, {@code userType} a name, and the type and {@code shouldImport}
 * as the moment of the migration has them ({@link GeneratedAs}).
 */
final class GeneratedUsers {

    private static final List<String> FIRST = List.of("Anna", "José", "Siobhán", "Li", "Zoë", "Mark", "Fatima",
            "Olga", "Kwame", "Ines", "Noah", "Björn", "Priya", "Tomás", "Yuki", "Amara", "Pierre", "Chloé", "Omar", "Eva");
    private static final List<String> LAST = List.of("Doe", "O'Brien", "Müller", "García", "Nguyen", "Smith",
            "D'Angelo", "Okafor", "Johansson", "Rossi", "Kowalski", "Dubois", "Tanaka", "Silva", "Novák", "Jensen",
            "Haddad", "Kim", "Fischer", "Costa", "Moreau");

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^A-Za-z]");

    private GeneratedUsers() {
    }

    static JsonArray make(int count, GeneratedAs as) {
        JsonArray users = new JsonArray(count);
        for (int i = 1; i <= count; i++) {
            users.add(user(i, as));
        }
        return users;
    }

    private static JsonObject user(int i, GeneratedAs as) {
        String first = FIRST.get(i % FIRST.size());
        String last = LAST.get((i / FIRST.size()) % LAST.size());
        String key = ascii(first) + "." + ascii(last) + "." + i;
        JsonObject user = new JsonObject();
        user.addProperty("key", key);
        user.addProperty("email", key + "@example.com");
        user.addProperty("displayName", htmlEncode(first + " " + last));
        user.addProperty("firstName", first);
        user.addProperty("lastName", last);
        String chosen = i % 40 == 0 ? "RoomAdmin" : i % 15 == 0 ? "Guest" : "User";
        user.addProperty("userType", as == GeneratedAs.PARSED ? "User" : chosen);
        JsonObject files = new JsonObject();
        files.addProperty("foldersCount", i % 9);
        files.addProperty("filesCount", (i * 37L) % 400);
        files.addProperty("bytesTotal", ((i * 7919L) % 900) * 1_048_576L + (i * 131L) % 1_000_000);
        user.add("migratingFiles", files);
        user.addProperty("shouldImport", as == GeneratedAs.SELECTED);
        return user;
    }

    private static String ascii(String name) {
        return NOT_A_LETTER.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** What .NET's {@code WebUtility.HtmlEncode} does: the five specials, and Latin-1 letters as numeric references. */
    static String htmlEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 160 && c < 256) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
