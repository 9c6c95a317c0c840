package dev.migstatus.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;

/** JSON Merge Patch (RFC 7396): how an {@code update} frame changes the previous status. */
final class MergePatch {

    private MergePatch() {
    }

    /** A new element; neither argument is changed. */
    static JsonElement apply(JsonElement target, JsonElement patch) {
        if (!patch.isJsonObject()) {
            return patch.deepCopy();
        }
        JsonObject result = target != null && target.isJsonObject() ? target.getAsJsonObject().deepCopy() : new JsonObject();
        for (Map.Entry<String, JsonElement> member : patch.getAsJsonObject().entrySet()) {
            if (member.getValue().isJsonNull()) {
                result.remove(member.getKey());
            } else {
                result.add(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
