package dev.migstatus.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): how an {@code update} frame changes the previous status.
 * Neither argument is changed, and members the patch leaves alone are shared, not copied: a big
 * tenant's 5,000 users are not copied for every frame. Nothing changes an element once built.
 */
final class MergePatch {

    private MergePatch() {
    }

    static JsonElement apply(JsonElement target, JsonElement patch) {
        if (!patch.isJsonObject()) {
            return patch;
        }
        JsonObject result = target != null && target.isJsonObject() ? shallowCopy(target.getAsJsonObject()) : new JsonObject();
        for (Map.Entry<String, JsonElement> member : patch.getAsJsonObject().entrySet()) {
            if (member.getValue().isJsonNull()) {
                result.remove(member.getKey());
            } else {
                result.add(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** A new object with the same members, in the same order. */
    static JsonObject shallowCopy(JsonObject object) {
        JsonObject copy = new JsonObject();
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            copy.add(member.getKey(), member.getValue());
        }
        return copy;
    }
}
