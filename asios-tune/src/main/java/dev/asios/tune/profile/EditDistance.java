package dev.asios.tune.profile;

import java.util.Locale;

/** Whether two keys differ by one edit, for "did you mean" hints. Pure and thread-safe. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * True if {@code a} and {@code b} differ, ignoring case, by at most one insertion, deletion,
     * substitution or swap of neighbours; also true when they differ only in case.
     */
    static boolean withinOne(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < x.length() && start < y.length() && x.charAt(start) == y.charAt(start)) {
            start++;
        }
        if (x.length() == y.length()) {
            if (start == x.length()) {
                return true;
            }
            if (x.substring(start + 1).equals(y.substring(start + 1))) {
                return true;
            }
            return start + 1 < x.length() && x.charAt(start) == y.charAt(start + 1) && x.charAt(start + 1) == y.charAt(start)
                    && x.substring(start + 2).equals(y.substring(start + 2));
        }
        String longer = x.length() > y.length() ? x : y;
        String shorter = x.length() > y.length() ? y : x;
        return longer.substring(start + 1).equals(shorter.substring(start));
    }
}
