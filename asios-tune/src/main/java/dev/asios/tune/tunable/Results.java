package dev.asios.tune.tunable;

import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/** Collects the results of a tunable that changes many files (one per CPU, node, device or IRQ). */
final class Results {

    private final List<Change> changes = new ArrayList<>();
    private final List<Plan.Skipped> skipped = new ArrayList<>();

    void add(Tunable.Result result) {
        changes.addAll(result.changes());
        skipped.addAll(result.skipped());
    }

    Tunable.Result result() {
        return new Tunable.Result(changes, skipped);
    }
}
