package dev.migstatus.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ?fields=} leaves of a status, as DocSpace 3.2.1 and later filter every answer:
 * {@code fields=a,b} (or {@code fields[]=a&fields[]=b}) names members by their path from
 * {@code response}; a name keeps its member whole, a dotted name ({@code parseResult.operation})
 * keeps its parents with only that inside; a list of objects is filtered element by element and
 * keeps its length ({@code parseResult.users._} gives {@code [{},{},…]}); names that match
 * nothing are ignored. The server's quirk with a plain name and its dotted children in one request
 * is not copied: the client never sends both.
 */
final class FieldsFilter {

    private FieldsFilter() {
    }

    /** The names a raw query asks for; empty when it asks for no filtering. */
    static List<String> names(String rawQuery) {
        List<String> plain = new ArrayList<>();
        List<String> bracketed = new ArrayList<>();
        if (rawQuery == null) {
            return plain;
        }
        for (String parameter : rawQuery.split("&")) {
            int eq = parameter.indexOf('=');
            String key = decode(eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
            if (key.equals("fields[]")) {
                bracketed.add(value);
            } else if (key.equals("fields")) {
                plain.add(value);
            }
        }
        if (!bracketed.isEmpty()) {
            return bracketed;
        }
        // One fields= is split on commas; repeated ones are taken as they are.
        return plain.size() == 1 ? List.of(plain.get(0).split(",", -1)) : plain;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The status with only the named members; {@code {}} when none matches. */
    static JsonObject apply(JsonObject status, List<String> names) {
        return object(status, "", names);
    }

    private static JsonObject object(JsonObject object, String path, List<String> names) {
        JsonObject kept = new JsonObject();
        for (var member : object.entrySet()) {
            String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            if (names.contains(at)) {
                kept.add(member.getKey(), member.getValue());
            } else if (names.stream().anyMatch(name -> name.startsWith(at + "."))) {
                kept.add(member.getKey(), value(member.getValue(), at, names));
            }
        }
        return kept;
    }

    private static JsonElement value(JsonElement value, String path, List<String> names) {
        if (value.isJsonObject()) {
            return object(value.getAsJsonObject(), path, names);
        }
        if (value.isJsonArray()) {
            JsonArray kept = new JsonArray();
            // The elements of a list stand at the list's own path.
            value.getAsJsonArray().forEach(element -> kept.add(value(element, path, names)));
            return kept;
        }
        return value;
    }
}
