package dev.asios.bench.ab;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.tunable.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a benchmark untuned and tuned, alternately (A B A B ...), applying and rolling back the
 * profile through the tuning engine's journal around every tuned run. The profile is never left
 * applied: it is rolled back after each tuned run, in {@code finally}, and by a shutdown hook when
 * the JVM is stopped (Ctrl-C) in the middle; if even that is cut short (SIGKILL), the journal
 * keeps the originals and {@code asios tune rollback} restores them. Not thread-safe.
 */
public final class AbRunner {

    private final Sysroot sysroot;
    private final Path journal;
    private final Profile profile;
    private final Clock clock;

    /** Runs A/B on {@code sysroot}'s host with {@code profile}, journaling in {@code journal}. */
    public AbRunner(Sysroot sysroot, Path journal, Profile profile, Clock clock) {
        this.sysroot = sysroot;
        this.journal = journal;
        this.profile = profile;
        this.clock = clock;
    }

    /**
     * Runs {@code pairs} pairs of baseline and tuned runs of {@code benchmark}.
     *
     * @throws BenchException if a profile is active already (the baseline would not be untuned), or the benchmark fails
     */
    public AbResult run(Benchmark benchmark, BenchOptions options, int pairs, Progress progress) throws BenchException {
        if (pairs < 1) {
            throw new BenchException("--pairs " + pairs + ": expected at least 1");
        }
        if (!TuneStatus.read(sysroot, journal).inactive()) {
            throw new BenchException("a tuning profile is active (" + String.join(", ", TuneStatus.read(sysroot, journal).profiles())
                    + "): roll it back first (asios tune rollback), so that the baseline is the untuned host");
        }
        if (profile.cpu().isolate().isPresent()) {
            throw new BenchException("--ab " + profile.name() + ": the profile isolates CPUs (cpu.isolate), and the probes and reference tools"
                    + " cannot yet be placed inside its isolated cpuset; compare with a profile without cpu.isolate (for example training),"
                    + " or measure the isolated host with asios tune apply and asios bench separately");
        }
        List<TargetResult> baseline = new ArrayList<>();
        List<TargetResult> tuned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        AtomicBoolean applied = new AtomicBoolean();
        Thread rollbackOnExit = Thread.ofPlatform().unstarted(() -> {
            if (applied.get()) {
                rollback();
            }
        });
        Runtime.getRuntime().addShutdownHook(rollbackOnExit);
        try {
            for (int pair = 0; pair < pairs; pair++) {
                progress.step(benchmark.target().cliName() + " untuned", 2 * pair, 2 * pairs);
                baseline.add(benchmark.run(options, Progress.NONE));
                progress.step(benchmark.target().cliName() + " with " + profile.name(), 2 * pair + 1, 2 * pairs);
                applied.set(true);
                try {
                    List<Outcome> outcomes = apply();
                    if (pair == 0) {
                        outcomes.stream().filter(o -> !o.ok()).forEach(o -> notes.add("not applied: " + o.path() + ": " + o.error().orElse("")));
                    }
                    tuned.add(benchmark.run(options, Progress.NONE));
                } finally {
                    notes.addAll(rollback());
                    applied.set(false);
                }
            }
            progress.step(benchmark.target().cliName(), 2 * pairs, 2 * pairs);
        } finally {
            Runtime.getRuntime().removeShutdownHook(rollbackOnExit);
        }
        return new AbResult(benchmark.target(), profile.name(), baseline, tuned, notes.stream().distinct().toList());
    }

    private List<Outcome> apply() {
        var host = new HostInspector(sysroot).inspect();
        return new PlanExecutor(sysroot, journal, clock, ExecutionListener.NONE).apply(Planner.builtIn().plan(profile, host, sysroot));
    }

    /** Rolls the profile back; returns what failed, one line each. */
    private List<String> rollback() {
        return new Rollback(sysroot, journal, clock, ExecutionListener.NONE).run().stream().filter(o -> !o.ok())
                .map(o -> "rollback failed: " + o.path() + ": " + o.error().orElse("")).toList();
    }
}
