package dev.migstatus.docspace;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which members of a status to ask for. DocSpace 3.2.1 and later honour {@code ?fields=} on every
 * answer; older servers ignore it and answer in full, which {@link StatusAnswer} tells apart.
 */
public enum StatusFields {

    /** Everything, the user and group lists too: tens of megabytes for a big tenant. */
    ALL(null),

    /**
     * What the live line needs while an operation runs: about 150 bytes, plus the list echoed in
     * the answer's {@code links}, so it is kept short. Never empty: {@code fields=} alone asks for nothing.
     */
    LEAN("progress,error,isCompleted,parseResult.migratorName,parseResult.operation,parseResult.successedUsers,"
            + "parseResult.failedUsers");

    private static final String PARSE_RESULT = "parseResult.";

    /** The members of {@code parseResult} a lean answer holds: any other one shows the server ignored the list. */
    static final Set<String> LEAN_PARSE_RESULT = Arrays.stream(LEAN.names.split(","))
            .filter(name -> name.startsWith(PARSE_RESULT))
            .map(name -> name.substring(PARSE_RESULT.length()))
            .collect(Collectors.toUnmodifiableSet());

    private final String names;

    StatusFields(String names) {
        this.names = names;
    }

    /** What goes after the path: {@code ?fields=…}, or nothing. */
    String query() {
        return names == null ? "" : "?fields=" + names;
    }
}
