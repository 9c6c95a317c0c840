package dev.migstatus.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DocSpace release a scenario plays, for the few answers that changed between releases (the
 * README's "How it reads the server" lists them with the server code they come from).
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    /** The oldest release that serves the migration API. */
    public static final ServerVersion OLDEST = new ServerVersion(2, 5, 0);
    /** What a scenario plays when it names no release. */
    public static final ServerVersion NEWEST = new ServerVersion(3, 7, 2);
    /** {@code FileNotFoundException} becomes a 404 (before: a 500); {@code ?fields=} is honoured. */
    private static final ServerVersion FILE_NOT_FOUND_IS_404 = new ServerVersion(3, 2, 1);
    /** {@code GET logs} with no task throws {@code ItemNotFoundException}, a 404 (before: {@code System.Exception}, a 500). */
    private static final ServerVersion NO_TASK_IS_404 = new ServerVersion(3, 7, 1);

    private static final Pattern VERSION = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?");

    /** @throws IllegalArgumentException not {@code 3.6} or {@code 3.6.1}, or older than {@link #OLDEST} */
    public static ServerVersion parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DocSpace version such as \"3.6\" or \"3.6.1\"");
        }
        ServerVersion version = new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        if (version.compareTo(OLDEST) < 0) {
            throw new IllegalArgumentException("DocSpace before " + OLDEST + " serves no migration API");
        }
        return version;
    }

    /** Whether a missing log file is a 404; a 500 before 3.2.1. */
    boolean missingLogIs404() {
        return compareTo(FILE_NOT_FOUND_IS_404) >= 0;
    }

    /** Whether {@code GET logs} with no task is a 404; a 500 before 3.7.1. */
    boolean noTaskIs404() {
        return compareTo(NO_TASK_IS_404) >= 0;
    }

    /** Whether {@code ?fields=} filters the answer; servers before 3.2.1 ignore it. */
    boolean honoursFields() {
        return compareTo(FILE_NOT_FOUND_IS_404) >= 0;
    }

    @Override
    public int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
