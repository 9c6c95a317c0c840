package dev.migstatus.cli;

import java.util.Collection;
import java.util.Optional;

/** The name a user most likely meant: {@code --hots} is {@code --host}, {@code simulte} is {@code simulate}. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest of {@code names}, when it is close enough to be a slip of the fingers. */
    static Optional<String> closest(String typed, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(typed, name);
            // A tie goes to the name the typed one is missing letters of: fingers drop a letter more
            // often than they hit the wrong one ('fsh' is fish rather than zsh).
            if (d < bestDistance || d == bestDistance && !within(typed, best) && within(typed, name)) {
                best = name;
                bestDistance = d;
            }
        }
        int tolerated = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
        return bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    /** Whether every character of {@code typed} is in {@code name}, in order. */
    private static boolean within(String typed, String name) {
        int at = 0;
        for (int i = 0; i < name.length() && at < typed.length(); i++) {
            if (name.charAt(i) == typed.charAt(at)) {
                at++;
            }
        }
        return at == typed.length();
    }

    /** Edits from one to the other, a swap of two neighbours counting as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
