package dev.migstatus.cli;

import dev.migstatus.docspace.Credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What on a command line may be a key, found before the line is parsed: an error about a mistyped
 * option ({@code --kye=sk-…}) or a stray argument would otherwise show it before the Redactor knew it.
 */
final class ArgumentSecrets {

    /**
     * Long, with letters and digits, and without the dots, colons and slashes of host names, URLs,
     * paths and durations.
     */
    private static final Pattern TOKEN_LIKE = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+=_-]{20,}");

    private ArgumentSecrets() {
    }

    static List<String> find(String[] args, Map<String, String> env) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--key") && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(0, arg.indexOf('='));
                String value = arg.substring(arg.indexOf('=') + 1);
                if (mayBeTheKeyOption(name) || looksLikeAKey(value)) {
                    secrets.add(value);
                }
            } else if (!arg.startsWith("-") && looksLikeAKey(arg)) {
                secrets.add(arg);
            }
        }
        for (String name : ConnectionOptions.KEY_ENV) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                secrets.add(value.strip());
            }
        }
        secrets.removeIf(s -> s.strip().length() < Credential.MIN_LENGTH);
        return secrets;
    }

    private static boolean looksLikeAKey(String value) {
        return value.startsWith("sk-") || TOKEN_LIKE.matcher(value).matches();
    }

    /** --key itself, or a slip of the fingers such as --kye or --keys; not --key-file, whose value is a path. */
    private static boolean mayBeTheKeyOption(String name) {
        return name.startsWith("--k") && !name.equals("--key-file");
    }
}
