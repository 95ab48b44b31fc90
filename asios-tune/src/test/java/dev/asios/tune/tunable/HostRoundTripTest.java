package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the built-in {@code inference} profile to this machine as root, verifies it, rolls it
 * back, and checks every setting is as before. The rollback runs in {@code finally}, so a failing
 * assertion still leaves the host as it was.
 */
@Tag("host")
class HostRoundTripTest {

    @TempDir
    Path journal;

    @Test
    void inferenceAppliesVerifiesAndRollsBackToTheSameHost() {
        Sysroot sysroot = Sysroot.host();
        assumeTrue(sysroot.readTrimmed("/proc/self/status").map(s -> s.contains("\nUid:\t0\t0")).orElse(false), "needs root");
        HostSnapshot host = new HostInspector(sysroot).inspect();
        Plan plan = Planner.builtIn().plan(new ProfileLoader(journal.resolve("no-user-profiles")).load("inference"), host, sysroot);
        Map<String, String> before = effectiveValues(sysroot, plan.changes());
        try {
            List<Outcome> applied = new PlanExecutor(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan);
            assertThat(applied).isNotEmpty();
            assertThat(applied.stream().filter(Outcome::ok).count()).as("most settings apply on this host").isGreaterThan(applied.size() / 2);
            assertThat(TuneStatus.read(sysroot, journal).drifted()).isEmpty();
            assertThat(TuneStatus.read(sysroot, journal).profiles()).containsExactly("inference");
        } finally {
            List<Outcome> restored = new Rollback(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            assertThat(restored).allMatch(Outcome::ok);
        }
        assertThat(effectiveValues(sysroot, plan.changes())).isEqualTo(before);
    }

    private static Map<String, String> effectiveValues(Sysroot sysroot, List<Change> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Change change : changes) {
            values.put(change.path(), sysroot.read(change.path()).map(change.format()::effective).orElse("(missing)"));
        }
        return values;
    }
}
