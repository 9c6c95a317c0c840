package dev.migstatus.render.report;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * GitHub Actions' workflow commands and step summary. Annotations put the fatal error, failed
 * users and errors on the run's page; the summary is a Markdown report appended to the file
 * {@code $GITHUB_STEP_SUMMARY} names.
 */
public final class GithubActions {

    /** Annotations beyond this many only clutter the page; the summary and the log have them all. */
    static final int MAX_ANNOTATIONS = 20;

    private GithubActions() {
    }

    public static void annotations(PrintWriter out, FinalReport report) {
        annotations(out, report, "");
    }

    /** The same, each title starting with {@code portal} (a fleet's short name and ": "), so the page says which portal. */
    public static void annotations(PrintWriter out, FinalReport report, String portal) {
        MigrationStatus status = report.status();
        if (status == null || !status.ended()) {
            if (!report.ok()) {
                command(out, portal, "error", "migstatus: " + report.code().outcome(), report.message());
            }
            return;
        }
        ParseResult result = status.parseResult();
        if (status.failed()) {
            command(out, portal, "error", "Migration failed", status.error());
        }
        if (result.failedUsers() > 0) {
            command(out, portal, report.ok() ? "warning" : "error", "Users failed",
                    result.failedUsers() + (result.failedUsers() == 1 ? " user" : " users") + " could not be imported");
        }
        List<String> errors = result.errors();
        for (int i = 0; i < Math.min(errors.size(), MAX_ANNOTATIONS); i++) {
            command(out, portal, "warning", "Migration error", errors.get(i));
        }
        if (errors.size() > MAX_ANNOTATIONS) {
            command(out, portal, "warning", "Migration errors", (errors.size() - MAX_ANNOTATIONS) + " more errors: see the step summary");
        }
        for (String archive : result.failedArchives()) {
            command(out, portal, "error", "Archive failed", archive);
        }
        if (!report.ok() && !status.failed() && result.failedUsers() == 0 && errors.isEmpty()
                && result.failedArchives().isEmpty()) {
            command(out, portal, "error", "migstatus: " + report.code().outcome(), report.message());
        }
        out.flush();
    }

    /**
     * Runs {@code body} with workflow commands switched off: server text (user names, log lines) may
     * start a line, and must not pose as a command. The token is random, so the text cannot end the fence.
     */
    public static void fenced(PrintWriter out, DoubleSupplier random, Runnable body) {
        String token = Long.toHexString(Double.doubleToLongBits(random.getAsDouble())) + "migstatus";
        out.println("::stop-commands::" + token);
        out.flush();
        try {
            body.run();
        } finally {
            out.println("::" + token + "::");
            out.flush();
        }
    }

    public static void startGroup(PrintWriter out, String title) {
        out.println("::group::" + data(title));
        out.flush();
    }

    public static void endGroup(PrintWriter out) {
        out.println("::endgroup::");
        out.flush();
    }

    /** The step summary: outcome, counts, the first users and every error, in Markdown. */
    public static void summary(PrintWriter out, FinalReport report) {
        String mark = report.ok() ? "✅" : "❌";
        out.println("### " + mark + " migstatus: " + cell(report.message()));
        out.println();
        out.println("| portal | outcome | exit code | elapsed |");
        out.println("|---|---|---|---|");
        out.println("| " + cell(report.host()) + " | `" + report.code().outcome() + "` | " + report.code().code() + " | "
                + Durations.format(report.elapsed()) + " |");
        MigrationStatus status = report.status();
        if (status == null) {
            out.println();
            out.flush();
            return;
        }
        ParseResult r = status.parseResult();
        out.println();
        out.println("| operation | migrator | progress | users | without e-mail | existing | groups | imported | failed | errors |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        out.println("| " + cell(r.operationName()) + " | " + cell(r.migratorName()) + " | " + Formats.percent(status.progress())
                + "% | " + r.users().size() + " | " + r.withoutEmailUsers().size() + " | " + r.existUsers().size() + " | "
                + r.groups().size() + " | " + r.successedUsers() + " | " + r.failedUsers() + " | " + r.errors().size() + " |");
        if (status.failed()) {
            out.println();
            out.println("**Error:** " + cell(status.error()));
        }
        list(out, "Errors", r.errors());
        list(out, "Failed archives", r.failedArchives());
        if (!r.users().isEmpty()) {
            out.println();
            out.println("<details><summary>Users (" + Formats.count(r.users().size()) + ")</summary>");
            out.println();
            out.println("| name | e-mail | type | files | size |");
            out.println("|---|---|---|---|---|");
            int shown = Math.min(r.users().size(), TextReport.MAX_ROWS);
            for (int i = 0; i < shown; i++) {
                MigrationUser u = r.users().get(i);
                out.println("| " + cell(u.name()) + " | " + cell(u.email()) + " | " + cell(u.userType()) + " | "
                        + u.migratingFiles().filesCount() + " | " + Formats.bytes(u.migratingFiles().bytesTotal()) + " |");
            }
            if (r.users().size() > shown) {
                out.println();
                out.println("… and " + Formats.count(r.users().size() - shown) + " more (use `-o json` for all)");
            }
            out.println();
            out.println("</details>");
        }
        out.println();
        out.flush();
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println("**" + title + " (" + Formats.count(items.size()) + ")**");
        out.println();
        for (String item : items) {
            out.println("- " + cell(item));
        }
    }

    /** A yellow annotation on the run's page, as it happens. */
    public static void warning(PrintWriter out, String title, String message) {
        command(out, "", "warning", title, message);
        out.flush();
    }

    /** A grey annotation on the run's page, as it happens. */
    public static void notice(PrintWriter out, String title, String message) {
        command(out, "", "notice", title, message);
        out.flush();
    }

    /** @param portal "" for one portal; in a fleet, its short name and ": " */
    private static void command(PrintWriter out, String portal, String level, String title, String message) {
        out.println("::" + level + " title=" + property(portal + title) + "::" + data(SafeText.line(message)));
    }

    /** The escaping GitHub's runner undoes for a command's message. */
    static String data(String s) {
        return SafeText.line(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property values also may not contain ':' or ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Server text in Markdown: one line, and nothing in it is markup. Every character CommonMark
     * gives a meaning inline is escaped, so a user name cannot become an image that calls a server
     * when the summary is viewed ({@code ![x](http://…)}), a link ({@code [click](javascript:…)}),
     * emphasis, a table cell of its own or HTML.
     */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        String line = SafeText.line(s);
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '`', '[', ']', '(', ')', '!', '*', '_', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
