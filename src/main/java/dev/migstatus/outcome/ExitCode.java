package dev.migstatus.outcome;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every way migstatus can end. This one list feeds the exit-code mapping, {@code --help}, the
 * README's table (a test keeps them equal) and the JSON document's {@code outcome}.
 */
public enum ExitCode {
    OK(0, "the awaited operation completed cleanly (a parse that found users, or a migration with no failures)"),
    COMPLETED_WITH_FAILURES(1, "completed, but failedUsers > 0, or errors[] non-empty, or failedArchives non-empty"),
    USAGE(2, "bad options or values"),
    FAILED(3, "completed with a non-empty error: the operation failed"),
    NO_MIGRATION(4, "nothing runs on the portal"),
    UNAUTHORIZED(5, "HTTP 401: the portal rejected the key"),
    FORBIDDEN(6, "HTTP 403: signed in, but not a DocSpace admin, or a key without scope"),
    UNAVAILABLE(7, "connection refused/reset, DNS, timeouts, TLS, 5xx, 429"),
    PROTOCOL_ERROR(8, "not a DocSpace answer: HTML or other non-JSON, 404, a broken envelope, a redirect elsewhere"),
    RUNNING(9, "--once, or the logs command, while the operation still runs"),
    STALLED(10, "--fail-on-stall and no progress for --stall-after (the migration keeps running on the server)"),
    INTERNAL_ERROR(70, "a bug in migstatus (rerun with MIGSTATUS_DEBUG=1 for a stack trace)"),
    WRITE_FAILED(74, "stdout or the logs command's --output-file could not be written (a full disk, an I/O error)"),
    TIMEOUT(124, "--timeout elapsed (the migration keeps running on the server)"),
    INTERRUPTED(130, "Ctrl-C or SIGTERM (the migration keeps running on the server)"),
    OUTPUT_CLOSED(141, "stdout was closed early (a broken pipe, as with | head -1): migstatus stopped at once, saying nothing");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The name scripts see in JSON: {@code ok}, {@code completed_with_failures}, … */
    public String outcome() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For picocli's {@code exitCodeList}: every code, right-aligned, and what it means. */
    public static Map<String, String> helpList() {
        Map<ExitCode, String> all = new EnumMap<>(ExitCode.class);
        for (ExitCode e : values()) {
            all.put(e, e.meaning);
        }
        return helpList(all);
    }

    /** The same for a command that ends in only some of the ways, each in its own words; listed in code order. */
    public static Map<String, String> helpList(Map<ExitCode, String> meanings) {
        Map<String, String> list = new LinkedHashMap<>();
        for (Map.Entry<ExitCode, String> e : new EnumMap<>(meanings).entrySet()) {
            list.put(padded(e.getKey().code), e.getKey().outcome() + ": " + e.getValue());
        }
        return list;
    }

    /** Right-aligned in three columns, as picocli lists them; no String.format, which costs start-up time. */
    private static String padded(int code) {
        return (code < 10 ? "  " : code < 100 ? " " : "") + code;
    }

    /** The README's table, row by row. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| code | outcome | when |\n|---|---|---|\n");
        for (ExitCode e : values()) {
            table.append("| ").append(e.code).append(" | `").append(e.outcome()).append("` | ")
                    .append(e.meaning.replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
