package dev.migstatus.docspace;

/**
 * The objects and arrays {@link JsonBytes} is inside, innermost last: whether each has had a member
 * or element yet (so the next needs a comma), and, for gson's {@code getPath()} in messages, each
 * list's index and each object's member name when it is one a reader looked for.
 */
final class OpenContainers {

    static final int NESTING_LIMIT = 255;

    private final boolean[] started = new boolean[NESTING_LIMIT + 1];
    private final boolean[] isList = new boolean[NESTING_LIMIT + 1];
    private final int[] index = new int[NESTING_LIMIT + 1];
    private final String[] memberName = new String[NESTING_LIMIT + 1];
    private int depth;

    boolean full() {
        return depth >= NESTING_LIMIT;
    }

    void open(boolean list) {
        started[++depth] = false;
        isList[depth] = list;
        index[depth] = 0;
        memberName[depth] = null;
    }

    void close() {
        depth--;
    }

    /** Whether the innermost container has had a member or element already. */
    boolean started() {
        return started[depth];
    }

    /** The innermost container moves on to its next member or element, whose name is not known yet. */
    void next() {
        if (started[depth]) {
            index[depth]++;
        }
        started[depth] = true;
        memberName[depth] = null;
    }

    /** The member being read is this one, or one no reader looked for (null). */
    void named(String name) {
        memberName[depth] = name;
    }

    /** As gson's {@code getPath()} says it: {@code $.response.parseResult.users[3].email}. */
    String path() {
        StringBuilder path = new StringBuilder("$");
        for (int d = 1; d <= depth; d++) {
            if (isList[d]) {
                path.append('[').append(index[d]).append(']');
            } else if (memberName[d] != null) {
                path.append('.').append(memberName[d]);
            }
        }
        return path.toString();
    }
}
