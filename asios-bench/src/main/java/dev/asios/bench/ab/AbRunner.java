package dev.asios.bench.ab;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.place.BenchCage;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileException;
import dev.asios.tune.tunable.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        List<String> notes = new ArrayList<>();
        BenchOptions placed = placed(benchmark.target(), options, notes);
        List<TargetResult> baseline = new ArrayList<>();
        List<TargetResult> tuned = new ArrayList<>();
        // Guards "applied": the shutdown hook and this thread never apply or roll back at the same time.
        Object hostLock = new Object();
        AtomicBoolean applied = new AtomicBoolean();
        Thread rollbackOnExit = Thread.ofPlatform().unstarted(() -> {
            synchronized (hostLock) {
                if (applied.getAndSet(false)) {
                    BenchCage.closeOpen().forEach(failure -> System.err.println("asios bench: " + failure));
                    rollback().forEach(failure -> System.err.println("asios bench: " + failure));
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(rollbackOnExit);
        try {
            for (int pair = 0; pair < pairs; pair++) {
                progress.step(benchmark.target().cliName() + " untuned", 2 * pair, 2 * pairs);
                baseline.add(benchmark.run(placed, Progress.NONE));
                progress.step(benchmark.target().cliName() + " with " + profile.name(), 2 * pair + 1, 2 * pairs);
                try {
                    List<Outcome> outcomes;
                    synchronized (hostLock) {
                        applied.set(true);
                        outcomes = apply();
                    }
                    if (pair == 0) {
                        outcomes.stream().filter(o -> !o.ok()).forEach(o -> notes.add("not applied: " + o.path() + ": " + o.error().orElse("")));
                    }
                    tuned.add(benchmark.run(placed, Progress.NONE));
                } finally {
                    synchronized (hostLock) {
                        if (applied.getAndSet(false)) {
                            notes.addAll(rollback());
                        }
                    }
                }
            }
            progress.step(benchmark.target().cliName(), 2 * pairs, 2 * pairs);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(rollbackOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it rolls back.
            }
        }
        return new AbResult(benchmark.target(), profile.name(), baseline, tuned, notes.stream().distinct().toList());
    }

    /**
     * The options both sides run with. With a profile that isolates CPUs, a target that measures
     * isolation runs on the isolated CPUs and the others on the housekeeping CPUs, untuned and
     * tuned alike, so that each pair compares the same CPUs.
     */
    private BenchOptions placed(Target target, BenchOptions options, List<String> notes) throws BenchException {
        HostSnapshot host = new HostInspector(sysroot).inspect();
        Optional<CpuSet> isolated;
        try {
            isolated = profile.isolatedCpus(host.cpu(), host.numa()).filter(cpus -> !cpus.isEmpty());
        } catch (ProfileException e) {
            throw new BenchException("--ab " + profile.name() + ": " + e.getMessage(), e);
        }
        if (isolated.isEmpty()) {
            return options;
        }
        CpuSet housekeeping = host.cpu().onlineCpus().andNot(isolated.get());
        CpuSet side = target.onIsolatedCpus() ? isolated.get() : housekeeping;
        String sideName = target.onIsolatedCpus() ? "isolated" : "housekeeping";
        if (!options.cpus().isEmpty() && !side.containsAll(options.cpus())) {
            throw new BenchException("--cpus " + options.cpus().toList() + ": with --ab " + profile.name() + ", " + target.cliName()
                    + " runs on the CPUs the profile leaves " + sideName + " (" + side.toList() + "); choose among them");
        }
        CpuSet cpus = options.cpus().isEmpty() ? side : options.cpus();
        notes.add(profile.name() + " isolates CPUs " + isolated.get().toList() + ": both sides of every pair ran on the " + sideName + " CPUs "
                + cpus.toList());
        return options.withCpus(cpus);
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
