package dev.migstatus.docspace;

import java.io.IOException;

/** A member of an answer holds a value of another type than DocSpace writes there: {@code "failedUsers":"3"}. */
final class UnexpectedTypeException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param path     where, as gson names it ({@code $.response.parseResult.failedUsers})
     * @param found    what was there ("a string")
     * @param expected what DocSpace writes there ("a whole number")
     */
    UnexpectedTypeException(String path, String found, String expected) {
        super((path.startsWith("$.") ? path.substring(2) : path) + " as " + found + ", where DocSpace writes " + expected);
    }
}
