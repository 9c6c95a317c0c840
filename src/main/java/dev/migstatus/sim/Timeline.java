package dev.migstatus.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario worked out into what the portal answers at each moment: updates merged into the
 * status before them, made-up users filled in, log lines added up.
 */
final class Timeline {

    private final List<Step> steps;

    private Timeline(List<Step> steps) {
        this.steps = steps;
    }

    static Timeline of(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        JsonObject status = null;
        StringBuilder log = new StringBuilder();
        for (Frame frame : scenario.frames()) {
            frame.log().forEach(line -> log.append(line).append('\n'));
            Answer answer = frame.answer();
            if (answer instanceof Answer.Status full) {
                status = withUsers(full.status(), full.generateUsers());
            } else if (answer instanceof Answer.Update update) {
                status = withUsers(MergePatch.apply(status, update.changes()).getAsJsonObject(), update.generateUsers());
            }
            boolean answersStatus = answer instanceof Answer.Status || answer instanceof Answer.Update;
            steps.add(new Step(frame.at(), answersStatus ? null : answer, answersStatus ? status : null, log.toString()));
        }
        return new Timeline(List.copyOf(steps));
    }

    /** A new status whose parseResult lists {@code count} made-up users; the given one is not changed. */
    private static JsonObject withUsers(JsonObject status, int count) {
        if (count == 0) {
            return status;
        }
        JsonElement parseResult = status.get("parseResult");
        JsonObject result = parseResult != null && parseResult.isJsonObject()
                ? MergePatch.shallowCopy(parseResult.getAsJsonObject()) : new JsonObject();
        result.add("users", GeneratedUsers.make(count));
        JsonObject copy = MergePatch.shallowCopy(status);
        copy.add("parseResult", result);
        return copy;
    }

    /** What holds at scenario time {@code t}: nothing runs before the first frame. */
    Step at(Duration t) {
        Step current = null;
        for (Step step : steps) {
            if (step.at().compareTo(t) > 0) {
                break;
            }
            current = step;
        }
        return current != null ? current : Step.BEFORE;
    }

    /** One frame, worked out. The status text is written on first use and kept: a big tenant's is megabytes. */
    static final class Step {

        static final Step BEFORE = new Step(Duration.ZERO, new Answer.NoMigration(), null, "");

        private final Duration at;
        private final Answer answer;
        private final JsonObject status;
        private final String log;
        private String statusText;
        /** The text for the names of the last filtered request: a watch asks for the same names every time. */
        private List<String> filteredFor;
        private String filteredText;

        /**
         * @param answer {@link Answer.NoMigration} or {@link Answer.Fault}; null when the step answers {@code status}
         * @param status the whole status object, or null
         */
        private Step(Duration at, Answer answer, JsonObject status, String log) {
            this.at = at;
            this.answer = answer;
            this.status = status;
            this.log = log;
        }

        Duration at() {
            return at;
        }

        /** The fault to answer with, or null. */
        Answer.Fault fault() {
            return answer instanceof Answer.Fault fault ? fault : null;
        }

        boolean noMigration() {
            return status == null && fault() == null;
        }

        /** The status object as the server writes it in {@code response}; null when there is none. */
        synchronized String statusText() {
            if (statusText == null && status != null) {
                statusText = ServerJson.write(status);
            }
            return statusText;
        }

        /** The status as the server writes it for a request with {@code ?fields=names}; null when there is none. */
        synchronized String statusText(List<String> names) {
            if (names.isEmpty() || status == null) {
                return statusText();
            }
            if (!names.equals(filteredFor)) {
                filteredText = ServerJson.write(FieldsFilter.apply(status, names));
                filteredFor = List.copyOf(names);
            }
            return filteredText;
        }

        /** The migration log so far, one line each. */
        String log() {
            return log;
        }

        /** A few words for a request log: {@code parse 27.5%}, {@code migration completed}, {@code Bad Gateway}. */
        String label() {
            Answer.Fault fault = fault();
            if (fault != null) {
                return fault.kind().reason();
            }
            if (status == null) {
                return "no migration";
            }
            JsonObject result = member(status, "parseResult");
            String operation = result == null ? null : text(result.get("operation"));
            String what = operation == null ? "starting" : operation;
            if (bool(status.get("isCompleted"))) {
                String error = text(status.get("error"));
                return what + (error == null || error.isEmpty() ? " completed" : " failed");
            }
            JsonElement progress = status.get("progress");
            return progress != null && progress.isJsonPrimitive() ? what + " " + progress.getAsString() + "%" : what;
        }

        private static JsonObject member(JsonObject json, String name) {
            JsonElement e = json.get(name);
            return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
        }

        private static String text(JsonElement e) {
            return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
        }

        private static boolean bool(JsonElement e) {
            return e != null && e.isJsonPrimitive() && e.getAsString().toLowerCase(Locale.ROOT).equals("true");
        }
    }
}
