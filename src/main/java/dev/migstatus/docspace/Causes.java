package dev.migstatus.docspace;

/**
 * An exception's chain of causes, which java.net.http nests several deep: the fault that names what
 * happened (a refused connection, an expired certificate) is rarely the one thrown.
 */
final class Causes {

    private Causes() {
    }

    /** Whether {@code e} or one of its causes is a {@code type}. */
    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The message of the first {@code type} in the chain that has one; else {@link #rootMessage}. */
    static String messageOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return rootMessage(e);
    }

    /** The innermost cause's message, else the outer one's, else the innermost cause's class name. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * Memory ran out on one of the JDK's HTTP threads, which hands the error to the request wrapped in
     * an IOException: that is no network fault to retry, and is thrown again as what it is.
     */
    static void rethrowOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
    }
}
