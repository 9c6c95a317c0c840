package dev.migstatus.render.report;

import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.Style;
import dev.migstatus.render.report.Table.Column;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;
import java.util.List;

/**
 * The end of a watch in text: the summary sentence, then users, users without e-mail, existing
 * users, groups, errors and failed archives. Empty sections are left out.
 */
public final class TextReport {

    public static final int MAX_ROWS = 50;

    private static final Table<MigrationUser> USERS = new Table<>(List.of(
            Column.text("NAME", MigrationUser::name),
            Column.text("E-MAIL", u -> orDash(u.email())),
            Column.fixed("TYPE", u -> orDash(u.userType())),
            Column.number("FILES", u -> Long.toString(u.migratingFiles().filesCount())),
            Column.number("SIZE", u -> Formats.bytes(u.migratingFiles().bytesTotal()))));

    private static final Table<MigrationUser> USERS_WITHOUT_EMAIL = new Table<>(List.of(
            Column.text("NAME", MigrationUser::name),
            Column.text("KEY", u -> orDash(u.key())),
            Column.fixed("TYPE", u -> orDash(u.userType())),
            Column.number("FILES", u -> Long.toString(u.migratingFiles().filesCount())),
            Column.number("SIZE", u -> Formats.bytes(u.migratingFiles().bytesTotal()))));

    private static final Table<MigrationUser> EXISTING_USERS = new Table<>(List.of(
            Column.text("NAME", MigrationUser::name),
            Column.text("E-MAIL", u -> orDash(u.email())),
            Column.fixed("TYPE", u -> orDash(u.userType()))));

    private static final Table<MigrationGroup> GROUPS = new Table<>(List.of(
            Column.text("NAME", g -> orDash(g.groupName())),
            Column.number("MEMBERS", g -> Integer.toString(g.userUidList().size()))));

    private final PrintWriter out;
    private final Style style;
    private final int width;

    public TextReport(PrintWriter out, Style style, int width) {
        this.out = out;
        this.style = style;
        this.width = width;
    }

    /** The summary sentence, coloured so that it tells at a glance how the watch ended. */
    public void sentence(String sentence, ExitCode code) {
        String text = SafeText.line(sentence);
        out.println(switch (code) {
            case OK -> style.green(text);
            case COMPLETED_WITH_FAILURES -> style.yellow(text);
            case FAILED -> style.red(text);
            default -> text;
        });
        out.flush();
    }

    public void details(MigrationStatus status) {
        ParseResult r = status.parseResult();
        users("Users", USERS, r.users());
        users("Users without e-mail", USERS_WITHOUT_EMAIL, r.withoutEmailUsers());
        users("Existing users", EXISTING_USERS, r.existUsers());
        if (!r.groups().isEmpty()) {
            heading("Groups", r.groups().size());
            GROUPS.print(out, style, r.groups().iterator(), r.groups().size(), MAX_ROWS, width);
        }
        problems(status);
    }

    /** Only what went wrong: the errors and failed archives, as a fleet shows a portal that did not end well. */
    public void problems(MigrationStatus status) {
        ParseResult r = status.parseResult();
        list("Errors", r.errors());
        list("Failed archives", r.failedArchives());
        out.flush();
    }

    private void users(String title, Table<MigrationUser> table, List<MigrationUser> users) {
        if (!users.isEmpty()) {
            heading(title, users.size());
            table.print(out, style, users.iterator(), users.size(), MAX_ROWS, width);
        }
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        heading(title, items.size());
        int shown = Math.min(items.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            out.println("  " + DisplayWidth.fit(SafeText.line(items.get(i)), Math.max(10, width - 2)));
        }
        if (items.size() > shown) {
            out.println(style.dim("… and " + (items.size() - shown) + " more (use -o json for all)"));
        }
    }

    private void heading(String title, int count) {
        out.println();
        out.println(style.bold(title + " (" + count + ")"));
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
