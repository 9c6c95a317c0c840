package dev.migstatus.render.report;

import dev.migstatus.model.MigrationGroup;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.UserFailures;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.Style;
import dev.migstatus.render.report.Table.Column;
import dev.migstatus.text.DisplayWidth;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The end of a watch in text: the summary sentence, then users, users without e-mail, existing
 * users, groups, errors and failed archives. Empty sections are left out. After a migration the
 * user tables get a STATUS column, failed users first. A table too wide for the terminal drops
 * FILES, then SIZE, then TYPE (see {@link Table}).
 */
public final class TextReport {

    public static final int MAX_ROWS = 50;

    private static final Column<MigrationUser> NAME = Column.text("NAME", MigrationUser::name);
    private static final Column<MigrationUser> EMAIL = Column.text("E-MAIL", u -> orDash(u.email()));
    private static final Column<MigrationUser> KEY = Column.text("KEY", u -> orDash(u.key()));
    private static final Column<MigrationUser> TYPE = Column.<MigrationUser>fixed("TYPE", u -> orDash(u.userType())).droppedAt(3);
    private static final Column<MigrationUser> FILES =
            Column.<MigrationUser>number("FILES", u -> Formats.count(u.migratingFiles().filesCount())).droppedAt(1);
    private static final Column<MigrationUser> SIZE =
            Column.<MigrationUser>number("SIZE", u -> Formats.bytes(u.migratingFiles().bytesTotal())).droppedAt(2);

    private static final Table<MigrationUser> EXISTING_USERS = new Table<>(List.of(NAME, EMAIL, TYPE));

    private static final Table<MigrationGroup> GROUPS = new Table<>(List.of(
            Column.text("NAME", g -> orDash(g.groupName())),
            Column.number("MEMBERS", g -> Formats.count(g.userUidList().size()))));

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
        boolean migration = status.operation() == Operation.MIGRATION;
        UserFailures failures = migration && status.isCompleted() ? UserFailures.of(r) : null;
        users("Users", usersTable(EMAIL, r, failures), r.users(), failures);
        // A migration merges the users without e-mail and the existing ones into users, and lists them where they were too.
        users("Users without e-mail", usersTable(KEY, r, failures),
                migration ? notListedIn(r.users(), r.withoutEmailUsers()) : r.withoutEmailUsers(), failures);
        users("Existing users", EXISTING_USERS, migration ? notListedIn(r.users(), r.existUsers()) : r.existUsers(), null);
        if (failures != null && !(r.users().isEmpty() && r.withoutEmailUsers().isEmpty())) {
            notes(r, failures);
        }
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

    /** @param failures who failed, after a migration; null before one: then there is no STATUS column */
    private static Table<MigrationUser> usersTable(Column<MigrationUser> second, ParseResult r, UserFailures failures) {
        if (failures == null) {
            return new Table<>(List.of(NAME, second, TYPE, FILES, SIZE));
        }
        return new Table<>(List.of(NAME, second, Column.fixed("STATUS", statusOf(r, failures)), TYPE, FILES, SIZE));
    }

    /**
     * How each user of a finished migration ended: {@code failed} when an error names them,
     * {@code imported} when the portal's count of imported users covers everyone else, else {@code ?}.
     */
    private static Function<MigrationUser, String> statusOf(ParseResult r, UserFailures failures) {
        boolean restImported = restImported(r, failures);
        return u -> failures.of(u) != null ? "failed" : restImported ? "imported" : "?";
    }

    private static boolean restImported(ParseResult r, UserFailures failures) {
        return r.successedUsers() + failures.byUser().size() >= UserFailures.distinct(r).size();
    }

    /** What the STATUS column cannot say: failed users the tables do not list, and what ? means. */
    private void notes(ParseResult r, UserFailures failures) {
        if (failures.unnamed() > 0) {
            out.println(style.dim(Formats.count(failures.unnamed(), "failed user is", "failed users are") + " not in the lists above"
                    + (failures.others().isEmpty() ? "; the migration log may say who (migstatus logs)" : "; see the errors below")));
        }
        if (!restImported(r, failures)) {
            out.println(style.dim("? the portal's counts do not tell whether the user was imported"));
        }
    }

    private void users(String title, Table<MigrationUser> table, List<MigrationUser> users, UserFailures failures) {
        if (!users.isEmpty()) {
            heading(title, users.size());
            table.print(out, style, failedFirst(users, failures), users.size(), MAX_ROWS, width);
        }
    }

    private static List<MigrationUser> notListedIn(List<MigrationUser> users, List<MigrationUser> others) {
        if (others.isEmpty()) {
            return others;
        }
        Set<String> listed = new HashSet<>();
        users.forEach(u -> listed.add(UserFailures.id(u)));
        return others.stream().filter(u -> !listed.contains(UserFailures.id(u))).toList();
    }

    /** Only the first rows are shown: the users who failed must be among them. */
    private static Iterator<MigrationUser> failedFirst(List<MigrationUser> users, UserFailures failures) {
        if (failures == null || failures.byUser().isEmpty()) {
            return users.iterator();
        }
        return Stream.concat(users.stream().filter(u -> failures.of(u) != null), users.stream().filter(u -> failures.of(u) == null))
                .iterator();
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
            out.println(style.dim("… and " + Formats.count(items.size() - shown) + " more (use -o json for all)"));
        }
    }

    private void heading(String title, int count) {
        out.println();
        out.println(style.bold(title + " (" + Formats.count(count) + ")"));
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
