package dev.migstatus.docspace;

import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one parseResult held, as {@link StatusCopier} read it: the scalars and string lists the
 * model keeps, the user and group lists already copied as text; and from them, the model's
 * parseResult and the status object as {@code -o json} prints it. Absent members are as the
 * model has them.
 */
final class CopiedParseResult {

    private static final MigrationGroup GROUP = new MigrationGroup(null, null, null);

    boolean present;
    StatusAnswer.Shape shape = StatusAnswer.Shape.NO_PARSE_RESULT;
    String migratorName;
    String operation;
    List<String> failedArchives = List.of();
    List<MigrationUser> users;
    List<MigrationUser> withoutEmail;
    List<MigrationUser> existing;
    int groups;
    long succeeded;
    long failed;
    List<String> files = List.of();
    List<String> errors = List.of();
    ByteChunks usersText = text("[]");
    ByteChunks withoutEmailText = text("[]");
    ByteChunks existText = text("[]");
    ByteChunks groupsText = text("[]");

    /** The model's parseResult: users with their keys only, as many groups as there were; null when there was none. */
    ParseResult model() {
        return present
                ? new ParseResult(migratorName, operation, failedArchives, users, withoutEmail, existing,
                        Collections.nCopies(groups, GROUP), succeeded, failed, files, errors)
                : null;
    }

    /**
     * The status object around this parseResult, in {@code render.report.StatusJson}'s member order:
     * the copied lists as they are, the rest written through {@code scratch}.
     */
    StatusJsonText statusText(double progress, String error, boolean completed, ByteSink scratch) {
        ByteChunks head = new ByteChunks();
        scratch.reset();
        scratch.writeAscii("{\"progress\":");
        scratch.writeAscii(number(progress));
        scratch.writeAscii(",\"error\":");
        JsonStrings.write(error, scratch);
        scratch.writeAscii(",\"isCompleted\":" + completed + ",\"parseResult\":{\"migratorName\":");
        CopiedValues.writeOrNull(migratorName, scratch);
        scratch.writeAscii(",\"operation\":");
        CopiedValues.writeOrNull(operation, scratch);
        scratch.writeAscii(",\"failedArchives\":");
        strings(failedArchives, scratch);
        scratch.writeAscii(",\"users\":");
        scratch.copyTo(head, 0);
        List<ByteChunks> pieces = new ArrayList<>(List.of(head, usersText, text(",\"withoutEmailUsers\":"),
                withoutEmailText, text(",\"existUsers\":"), existText, text(",\"groups\":"), groupsText));
        scratch.reset();
        scratch.writeAscii(",\"successedUsers\":" + succeeded + ",\"failedUsers\":" + failed + ",\"files\":");
        strings(files, scratch);
        scratch.writeAscii(",\"errors\":");
        strings(errors, scratch);
        scratch.writeAscii("}}");
        ByteChunks tail = new ByteChunks();
        scratch.copyTo(tail, 0);
        pieces.add(tail);
        return new StatusJsonText(pieces);
    }

    private static void strings(List<String> list, ByteSink out) {
        out.write('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            JsonStrings.write(list.get(i), out);
        }
        out.write(']');
    }

    /** As the report writes progress: whole numbers without a fraction. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static ByteChunks text(String ascii) {
        ByteChunks chunks = new ByteChunks();
        chunks.writeAscii(ascii);
        return chunks;
    }
}
