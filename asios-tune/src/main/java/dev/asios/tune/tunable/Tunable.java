package dev.asios.tune.tunable;

import dev.asios.host.parse.ParseException;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.util.List;
import java.util.Optional;

/**
 * One kind of kernel setting. Its contract: read the current value from the host, compute the
 * desired one from the topology and the profile, and say so as {@link Change}s; the executor
 * applies, verifies and restores them all the same way, through the journal. A tunable whose
 * files this host lacks (no cpufreq in a VM, no NVMe) skips with the reason; it never fails.
 * Implementations are stateless.
 */
public interface Tunable {

    /** The id, as the profile section and key: {@code memory.thp}, {@code cpu.governor}. */
    String id();

    /** What this tunable would change on the host for the profile; nothing when the profile leaves it alone. */
    Result plan(TuneContext context);

    /** Changes and skips of one tunable. */
    record Result(List<Change> changes, List<Plan.Skipped> skipped) {

        /** The profile leaves this setting alone. */
        public static final Result NONE = new Result(List.of(), List.of());

        /** Creates an immutable copy. */
        public Result {
            changes = List.copyOf(changes);
            skipped = List.copyOf(skipped);
        }

        /** Cannot be applied on this host, for {@code reason}. */
        public static Result skipped(String tunable, String reason) {
            return new Result(List.of(), List.of(new Plan.Skipped(tunable, reason)));
        }
    }

    /**
     * One change to a file whose current value is read now; skipped when the file is missing or
     * unreadable.
     */
    static Result fileChange(TuneContext context, String tunable, String path, ValueFormat format, String desired, String reason) {
        Optional<String> current = context.values().sysroot().read(path);
        if (current.isEmpty()) {
            return Result.skipped(tunable, path + " does not exist on this host (kernel or hardware without it)");
        }
        String effective;
        try {
            effective = format.effective(current.get());
        } catch (ParseException e) {
            return Result.skipped(tunable, path + " holds a value ASIOS cannot read: " + e.getMessage());
        }
        return new Result(List.of(new Change(tunable, path, format, effective, desired, reason)), List.of());
    }
}
