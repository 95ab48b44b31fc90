package dev.asios.tune.plan;

import java.util.List;

/**
 * What applying a profile would do to a host: the changes in order, and what was skipped with the
 * reason (a file this host lacks, a setting that needs a reboot). A plan is a value: it is printed,
 * diffed and tested before anything is written. Immutable.
 *
 * @param profile the profile it comes from
 * @param changes the changes, in the order they are applied (rollback runs in reverse)
 * @param skipped settings that cannot be applied here, each with its reason
 */
public record Plan(String profile, List<Change> changes, List<Skipped> skipped) {

    /** A setting of the profile that this host cannot take now. */
    public record Skipped(String tunable, String reason) {
    }

    /** Creates an immutable copy. */
    public Plan {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
    }

    /** The changes that would actually write something. */
    public List<Change> pending() {
        return changes.stream().filter(c -> !c.alreadyDone()).toList();
    }
}
