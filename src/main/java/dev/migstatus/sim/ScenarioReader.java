package dev.migstatus.sim;

import dev.migstatus.text.OneLine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file. It is strict about the frames, so that a typo fails with the frame's
 * number instead of rehearsing something else, and leaves status objects as they are written:
 * a team may want to rehearse an odd shape.
 */
public final class ScenarioReader {

    /** A scenario file is a few kilobytes; a larger one is the wrong file. */
    private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    static final int MAX_GENERATED_USERS = 200_000;
    private static final Set<String> TOP_MEMBERS = Set.of("description", "server", "frames");
    private static final Set<String> FRAME_MEMBERS =
            Set.of("at", "noMigration", "status", "update", "fault", "retryAfter", "generateUsers", "generatedAs", "log");
    private static final List<String> ANSWERS = List.of("noMigration", "status", "update", "fault");

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws ScenarioException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioException("larger than a scenario file can be (8 MB)");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(in);
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException("no such file");
        } catch (IOException e) {
            throw new ScenarioException("cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static Scenario read(Reader in) throws ScenarioException {
        JsonElement root;
        try {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new ScenarioException("not JSON: " + OneLine.of(String.valueOf(why.getMessage())));
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("frames")) {
            throw new ScenarioException("expected an object with \"frames\": [ … ]");
        }
        JsonObject top = root.getAsJsonObject();
        unknownMembers(top, TOP_MEMBERS, "");
        String description = null;
        if (top.has("description")) {
            description = string(top.get("description"), "\"description\" must be a string", "");
        }
        ServerVersion server = ServerVersion.NEWEST;
        if (top.has("server")) {
            try {
                server = ServerVersion.parse(string(top.get("server"), "\"server\" must be a string such as \"3.6\"", ""));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("\"server\": " + e.getMessage());
            }
        }
        if (!top.get("frames").isJsonArray() || top.getAsJsonArray("frames").isEmpty()) {
            throw new ScenarioException("\"frames\" must be an array of at least one frame");
        }
        List<Frame> frames = new ArrayList<>();
        JsonArray array = top.getAsJsonArray("frames");
        for (int i = 0; i < array.size(); i++) {
            String where = "frame " + (i + 1) + ": ";
            if (!array.get(i).isJsonObject()) {
                throw new ScenarioException(where + "must be an object");
            }
            Frame frame = frame(array.get(i).getAsJsonObject(), where);
            if (!frames.isEmpty() && frame.at().compareTo(frames.get(frames.size() - 1).at()) < 0) {
                throw new ScenarioException(where + "at " + ScenarioTime.format(frame.at())
                        + " comes before the previous frame's " + ScenarioTime.format(frames.get(frames.size() - 1).at()));
            }
            frames.add(frame);
        }
        return new Scenario(description, server, frames);
    }

    private static Frame frame(JsonObject json, String where) throws ScenarioException {
        unknownMembers(json, FRAME_MEMBERS, where);
        if (!json.has("at")) {
            throw new ScenarioException(where + "\"at\" is missing (when the frame begins, e.g. \"12s\")");
        }
        Duration at;
        try {
            at = ScenarioTime.parse(string(json.get("at"), "\"at\" must be a string such as \"12s\"", where));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + "\"at\": " + e.getMessage());
        }
        List<String> given = ANSWERS.stream().filter(json::has).toList();
        if (given.size() != 1) {
            throw new ScenarioException(where + "give exactly one of \"noMigration\", \"status\", \"update\", \"fault\""
                    + (given.isEmpty() ? "" : " (found " + String.join(", ", given) + ")"));
        }
        String kind = given.get(0);
        int generateUsers = 0;
        if (json.has("generateUsers")) {
            if (!kind.equals("status") && !kind.equals("update")) {
                throw new ScenarioException(where + "\"generateUsers\" goes with \"status\" or \"update\" only");
            }
            generateUsers = integer(json.get("generateUsers"), 1, MAX_GENERATED_USERS, "\"generateUsers\"", where);
        }
        GeneratedAs generatedAs = GeneratedAs.PARSED;
        if (json.has("generatedAs")) {
            generatedAs = GeneratedAs.fromWire(stringOrNull(json.get("generatedAs")));
            if (generatedAs == null || generateUsers == 0) {
                throw new ScenarioException(where + "\"generatedAs\" goes with \"generateUsers\" and is one of"
                        + " \"parsed\", \"selected\", \"migrated\"");
            }
        }
        if (json.has("retryAfter") && !(kind.equals("fault") && "429".equals(stringOrNull(json.get("fault"))))) {
            throw new ScenarioException(where + "\"retryAfter\" goes with \"fault\": \"429\" only");
        }
        Answer answer = switch (kind) {
            case "noMigration" -> {
                if (!json.get("noMigration").equals(new JsonPrimitive(true))) {
                    throw new ScenarioException(where + "\"noMigration\" can only be true");
                }
                yield new Answer.NoMigration();
            }
            case "status" -> new Answer.Status(checked(object(json, "status", where), false, where), generateUsers, generatedAs);
            case "update" -> new Answer.Update(checked(object(json, "update", where), true, where), generateUsers, generatedAs);
            default -> fault(json, where);
        };
        List<String> log = log(json, where);
        if (!log.isEmpty() && answer instanceof Answer.NoMigration) {
            throw new ScenarioException(where + "\"log\" cannot go with \"noMigration\": with no task, nothing writes a log");
        }
        return new Frame(at, answer, log);
    }

    private static Answer fault(JsonObject json, String where) throws ScenarioException {
        String name = stringOrNull(json.get("fault"));
        FaultKind kind = FaultKind.fromWire(name);
        if (kind == null) {
            throw new ScenarioException(where + "\"fault\" must be one of \"500\", \"502\", \"503\", \"504\", \"429\", \"reset\"");
        }
        Integer retryAfter = json.has("retryAfter") ? integer(json.get("retryAfter"), 0, 86_400, "\"retryAfter\"", where) : null;
        return new Answer.Fault(kind, retryAfter);
    }

    private static JsonObject object(JsonObject json, String member, String where) throws ScenarioException {
        if (!json.get(member).isJsonObject()) {
            throw new ScenarioException(where + "\"" + member + "\" must be an object (the status as the server writes it in \"response\")");
        }
        return json.getAsJsonObject(member);
    }

    private static JsonObject checked(JsonObject status, boolean patch, String where) throws ScenarioException {
        StatusShape.check(status, patch, where);
        return status;
    }

    private static List<String> log(JsonObject json, String where) throws ScenarioException {
        if (!json.has("log")) {
            return List.of();
        }
        String message = "\"log\" must be an array of strings (lines of the migration log)";
        if (!json.get("log").isJsonArray()) {
            throw new ScenarioException(where + message);
        }
        List<String> lines = new ArrayList<>();
        for (JsonElement line : json.getAsJsonArray("log")) {
            lines.add(string(line, message, where));
        }
        return lines;
    }

    private static void unknownMembers(JsonObject json, Set<String> known, String where) throws ScenarioException {
        for (Map.Entry<String, JsonElement> member : json.entrySet()) {
            if (!known.contains(member.getKey())) {
                throw new ScenarioException(where + "unknown member \"" + OneLine.of(member.getKey()) + "\"; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String string(JsonElement value, String message, String where) throws ScenarioException {
        String s = stringOrNull(value);
        if (s == null) {
            throw new ScenarioException(where + message);
        }
        return s;
    }

    private static String stringOrNull(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static int integer(JsonElement value, int min, int max, String name, String where) throws ScenarioException {
        String message = where + name + " must be a whole number from " + min + " to " + max;
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new ScenarioException(message);
        }
        double d = value.getAsDouble();
        if (d != Math.rint(d) || d < min || d > max) {
            throw new ScenarioException(message);
        }
        return (int) d;
    }
}
