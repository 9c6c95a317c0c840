package dev.migstatus.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario worked out into what the portal answers at each moment: updates merged into the
 * status before them, made-up users filled in, and the log as the server keeps it: one per
 * operation, readable once the operation has ended ({@link OperationLog}).
 */
final class Timeline {

    private final List<Step> steps;

    private Timeline(List<Step> steps) {
        this.steps = steps;
    }

    static Timeline of(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        JsonObject status = null;
        OperationLog.State state = OperationLog.State.NO_TASK;
        List<OperationLog.Line> lines = new ArrayList<>();
        for (Frame frame : scenario.frames()) {
            Answer answer = frame.answer();
            if (answer instanceof Answer.Status full) {
                status = withUsers(full.status(), full.generateUsers(), full.generatedAs());
            } else if (answer instanceof Answer.Update update) {
                status = withUsers(MergePatch.apply(status, update.changes()).getAsJsonObject(), update.generateUsers(),
                        update.generatedAs());
            }
            boolean answersStatus = answer instanceof Answer.Status || answer instanceof Answer.Update;
            if (answersStatus) {
                boolean ended = ended(status);
                // A task that runs after none, or after one that ended, is a new operation with a new log;
                // so is a whole new status after an ended one.
                if (!ended && state != OperationLog.State.RUNNING
                        || answer instanceof Answer.Status && state == OperationLog.State.ENDED) {
                    lines = new ArrayList<>();
                }
                state = ended ? OperationLog.State.ENDED : OperationLog.State.RUNNING;
            } else if (answer instanceof Answer.NoMigration) {
                state = OperationLog.State.NO_TASK;
                lines = new ArrayList<>();
            }
            for (String line : frame.log()) {
                lines.add(new OperationLog.Line(frame.at(), line));
            }
            steps.add(new Step(frame.at(), answersStatus ? null : answer, answersStatus ? status : null,
                    new OperationLog(state, lines)));
        }
        return new Timeline(List.copyOf(steps));
    }

    /** Whether the operation is over: completed, or failed (an error is final even without isCompleted). */
    private static boolean ended(JsonObject status) {
        String error = Step.text(status.get("error"));
        return Step.bool(status.get("isCompleted")) || error != null && !error.isEmpty();
    }

    /** A new status whose parseResult lists {@code count} made-up users; the given one is not changed. */
    private static JsonObject withUsers(JsonObject status, int count, GeneratedAs as) {
        if (count == 0) {
            return status;
        }
        JsonElement parseResult = status.get("parseResult");
        JsonObject result = parseResult != null && parseResult.isJsonObject()
                ? MergePatch.shallowCopy(parseResult.getAsJsonObject()) : new JsonObject();
        result.add("users", GeneratedUsers.make(count, as));
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

        static final Step BEFORE = new Step(Duration.ZERO, new Answer.NoMigration(), null, OperationLog.NONE);

        private final Duration at;
        private final Answer answer;
        private final JsonObject status;
        private final OperationLog log;
        private String statusText;
        /** The text for the names of the last filtered request: a watch asks for the same names every time. */
        private List<String> filteredFor;
        private String filteredText;

        /**
         * @param answer {@link Answer.NoMigration} or {@link Answer.Fault}; null when the step answers {@code status}
         * @param status the whole status object, or null
         */
        private Step(Duration at, Answer answer, JsonObject status, OperationLog log) {
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

        /** The migration log as the server has it now. */
        OperationLog log() {
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
            if (ended(status)) {
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

        static String text(JsonElement e) {
            return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
        }

        static boolean bool(JsonElement e) {
            return e != null && e.isJsonPrimitive() && e.getAsString().toLowerCase(Locale.ROOT).equals("true");
        }
    }
}
