package dev.migstatus.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of a README's shell example, split as sh would split it, far enough to run its
 * commands: words (quotes removed, {@code $VAR} and {@code ~} expanded from a map), the operators
 * between commands ({@code | || && ; &}), process substitutions {@code <(…)} as commands of their
 * own, and redirections dropped (a test captures the output itself). A {@code #} comment is kept apart.
 */
public final class ShellLine {

    /** A simple command, and the operator that follows it ("" at the end of the line). */
    public record Command(List<String> words, String then) {
    }

    private final List<Command> commands = new ArrayList<>();
    private String comment = "";

    private ShellLine() {
    }

    /** @param vars what {@code $NAME}, {@code ${NAME}} and a leading {@code ~} stand for */
    public static ShellLine parse(String line, Map<String, String> vars) {
        ShellLine parsed = new ShellLine();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean redirect = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                redirect = parsed.end(words, word, redirect);
                word = null;
                i++;
            } else if (c == '#' && word == null) {
                parsed.comment = line.substring(i + 1).strip();
                break;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                word = (word == null ? new StringBuilder() : word).append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                i++;
                while (line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (line.charAt(i) == '$') {
                        i = expand(line, i, vars, word);
                    } else {
                        word.append(line.charAt(i++));
                    }
                }
                i++;
            } else if (c == '$' && i + 1 < line.length() && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '{')) {
                word = word == null ? new StringBuilder() : word;
                i = expand(line, i, vars, word);
            } else if (c == '~' && word == null && (i + 1 == line.length() || line.charAt(i + 1) == '/')) {
                word = new StringBuilder(vars.getOrDefault("HOME", "~"));
                i++;
            } else if (line.startsWith("<(", i)) {
                redirect = parsed.end(words, word, redirect);
                word = null;
                int close = line.indexOf(')', i);
                parsed.commands.addAll(parse(line.substring(i + 2, close), vars).commands);
                i = close + 1;
            } else if (line.startsWith("2>&1", i) || line.startsWith(">>", i) || c == '>' || c == '<') {
                redirect = parsed.end(words, word, redirect);
                word = null;
                redirect = !line.startsWith("2>&1", i);
                i += line.startsWith("2>&1", i) ? 4 : line.startsWith(">>", i) ? 2 : 1;
            } else if (line.startsWith("&&", i) || line.startsWith("||", i) || c == '|' || c == ';' || c == '&') {
                redirect = parsed.end(words, word, redirect);
                word = null;
                String op = line.startsWith("&&", i) || line.startsWith("||", i) ? line.substring(i, i + 2) : String.valueOf(c);
                parsed.commands.add(new Command(List.copyOf(words), op));
                words.clear();
                i += op.length();
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
                i++;
            }
        }
        parsed.end(words, word, redirect);
        if (!words.isEmpty()) {
            parsed.commands.add(new Command(List.copyOf(words), ""));
        }
        return parsed;
    }

    /** Ends a word: kept, or dropped when it is a redirection's target. @return whether a target is still owed */
    private boolean end(List<String> words, StringBuilder word, boolean redirect) {
        if (word == null) {
            return redirect;
        }
        if (!redirect) {
            words.add(word.toString());
        }
        return false;
    }

    private static int expand(String line, int at, Map<String, String> vars, StringBuilder into) {
        int i = at + 1;
        boolean braced = line.charAt(i) == '{';
        int start = braced ? i + 1 : i;
        int end = start;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_' || end == start
                && line.charAt(end) == '?')) {
            end++;
        }
        String name = line.substring(start, end);
        into.append(vars.getOrDefault(name, ""));
        return braced ? end + 1 : end;
    }

    public List<Command> commands() {
        return commands;
    }

    /** The comment at the end of the line, without its {@code #}; "" when none. */
    public String comment() {
        return comment;
    }
}
