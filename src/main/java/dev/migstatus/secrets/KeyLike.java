package dev.migstatus.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that may be a key typed in the wrong place ({@code --kye=sk-…}, a key where a host was
 * meant): a word that is an {@code sk-} key, or a long token of letters and digits without the
 * dots, colons and slashes of host names, paths and durations. A message about a mistyped command
 * line redacts it, since nothing says it is not the real key.
 */
public final class KeyLike {

    /** Words are what lies between blanks and quotes. */
    private static final Pattern WORD = Pattern.compile("[^\\s'\"]+");
    private static final Pattern KEY = Pattern.compile(
            "sk-[A-Za-z0-9_-]{4,}|(?=[A-Za-z0-9+=_-]*[0-9])(?=[A-Za-z0-9+=_-]*[A-Za-z])[A-Za-z0-9+=_-]{20,}");

    private KeyLike() {
    }

    /** {@code text} with every word that looks like a key replaced by {@link Redactor#REDACTED}. */
    public static String redacted(String text) {
        if (text == null) {
            return null;
        }
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(KEY.matcher(words.group()).matches() ? Redactor.REDACTED : words.group()));
        }
        return words.appendTail(out).toString();
    }
}
