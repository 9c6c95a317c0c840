package dev.migstatus.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Map;

/**
 * JSON text the way DocSpace's serializer writes it: null members left out, and non-ASCII
 * characters and {@code <>&'"+`} written as {@code \\uXXXX}. A client that only copes with
 * what gson writes by default would fail on a real portal; the simulator should catch that.
 */
final class ServerJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ServerJson() {
    }

    static String write(JsonElement element) {
        StringBuilder out = new StringBuilder(256);
        write(element, out);
        return out.toString();
    }

    static void write(JsonElement element, StringBuilder out) {
        if (element == null || element.isJsonNull()) {
            out.append("null");
        } else if (element.isJsonObject()) {
            object(element.getAsJsonObject(), out);
        } else if (element.isJsonArray()) {
            array(element.getAsJsonArray(), out);
        } else {
            primitive(element.getAsJsonPrimitive(), out);
        }
    }

    private static void object(JsonObject object, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            if (member.getValue().isJsonNull()) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static void array(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static void primitive(JsonPrimitive value, StringBuilder out) {
        if (value.isString()) {
            string(value.getAsString(), out);
        } else {
            // Numbers keep the text they were read with: 27.5 stays 27.5, 100 stays 100.
            out.append(value.isNumber() ? value.getAsNumber().toString() : Boolean.toString(value.getAsBoolean()));
        }
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        // Most strings (keys, e-mail addresses) need no escape: a 5,000-user status is megabytes of them.
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (needsEscape(c)) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c > 0x7e || c == '\\' || c == '"' || c == '<' || c == '>' || c == '&' || c == '\'' || c == '+' || c == '`';
    }
}
