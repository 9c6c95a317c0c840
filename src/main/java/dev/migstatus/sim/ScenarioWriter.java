package dev.migstatus.sim;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;

/** Writes a scenario as a file {@link ScenarioReader} reads back to an equal scenario. */
public final class ScenarioWriter {

    /** Nulls are kept: in an {@code update} a null removes a member. */
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ScenarioWriter() {
    }

    public static void write(Scenario scenario, Writer out) throws IOException {
        JsonObject top = new JsonObject();
        if (!scenario.description().isEmpty()) {
            top.addProperty("description", scenario.description());
        }
        if (!scenario.server().equals(ServerVersion.NEWEST)) {
            top.addProperty("server", scenario.server().toString());
        }
        JsonArray frames = new JsonArray();
        for (Frame frame : scenario.frames()) {
            frames.add(frame(frame));
        }
        top.add("frames", frames);
        GSON.toJson(top, out);
        out.write(System.lineSeparator());
        out.flush();
    }

    private static JsonObject frame(Frame frame) {
        JsonObject json = new JsonObject();
        json.addProperty("at", ScenarioTime.format(frame.at()));
        Answer answer = frame.answer();
        if (answer instanceof Answer.NoMigration) {
            json.addProperty("noMigration", true);
        } else if (answer instanceof Answer.Status status) {
            json.add("status", status.status());
            generated(json, status.generateUsers(), status.generatedAs());
        } else if (answer instanceof Answer.Update update) {
            json.add("update", update.changes());
            generated(json, update.generateUsers(), update.generatedAs());
        } else if (answer instanceof Answer.Fault fault) {
            json.addProperty("fault", fault.kind().wireName());
            if (fault.retryAfterSeconds() != null) {
                json.addProperty("retryAfter", fault.retryAfterSeconds());
            }
        }
        if (!frame.log().isEmpty()) {
            JsonArray log = new JsonArray();
            frame.log().forEach(log::add);
            json.add("log", log);
        }
        return json;
    }

    private static void generated(JsonObject json, int users, GeneratedAs as) {
        if (users > 0) {
            json.addProperty("generateUsers", users);
            if (as != GeneratedAs.PARSED) {
                json.addProperty("generatedAs", as.wireName());
            }
        }
    }
}
