package dev.asios.health.policy;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest known word within a small edit distance. Pure and thread-safe. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known word closest to {@code word} by edit distance (insertions, deletions,
     * substitutions), if one is within 2 edits and a third of the word's length; the first in
     * {@code known}'s order on a tie.
     */
    static Optional<String> closest(String word, Collection<String> known) {
        int limit = Math.min(2, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : known) {
            int distance = distance(word, candidate, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance of {@code a} and {@code b}, or {@code bound} once it is certain to be at least that. */
    private static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) >= bound) {
            return bound;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= bound) {
                return bound;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], bound);
    }
}
