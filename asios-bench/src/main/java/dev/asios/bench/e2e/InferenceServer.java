package dev.asios.bench.e2e;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inference server of one round, in this JVM: one {@link InferenceWorker} for each CPU, on a
 * platform thread pinned to it. A round is a warm-up (the closed loop, not counted, so that C2 has
 * compiled the model), the closed loop for a phase (its throughput is the sum of the workers'),
 * then the open loop for a phase at {@code load} times that throughput, split evenly over the
 * workers ({@link ArrivalSchedule}). Each part starts on all workers at once, a moment after their
 * threads start. Not thread-safe: one round at a time.
 */
final class InferenceServer {

    private static final long START_DELAY_NS = 20_000_000;
    private static final long WORKER_SEED = 7_919;

    private final int[] cpus;
    private final List<InferenceWorker> workers = new ArrayList<>();

    /** A server of {@code model} with one worker on each of {@code cpus} (not empty). */
    InferenceServer(MlpModel model, CpuSet cpus) {
        this.cpus = cpus.toArray();
        for (int w = 0; w < this.cpus.length; w++) {
            workers.add(new InferenceWorker(model, WORKER_SEED + w));
        }
    }

    /**
     * Runs one round.
     *
     * @param warmupNs the warm-up, not counted
     * @param phaseNs the length of the closed loop and of the open loop, each
     * @param load the open loop's rate as a fraction of the closed loop's throughput, in (0, 1]
     * @param slaNs the latency objective of one request
     * @throws Exception if a worker cannot be pinned or fails
     */
    ServerRound run(long warmupNs, long phaseNs, double load, long slaNs) throws Exception {
        onWorkers((w, startNs) -> workers.get(w).closedLoop(startNs, startNs + warmupNs));
        double throughput = onWorkers((w, startNs) -> workers.get(w).closedLoop(startNs, startNs + phaseNs)).stream()
                .mapToDouble(Double::doubleValue).sum();
        double offered = load * throughput;
        List<LatencyRecorder> recorders = onWorkers((w, startNs) -> {
            LatencyRecorder recorder = new LatencyRecorder(slaNs);
            workers.get(w).openLoop(ArrivalSchedule.forWorker(startNs, offered, cpus.length, w), startNs + phaseNs, recorder);
            return recorder;
        });
        LatencyRecorder all = new LatencyRecorder(slaNs);
        recorders.forEach(all::add);
        return all.round(throughput, offered);
    }

    /** A part of a round, on worker {@code w}, starting at {@code startNs}. */
    @FunctionalInterface
    private interface Part<T> {
        T run(int w, long startNs);
    }

    /** Runs {@code part} on every worker's pinned thread and returns their results, by worker. */
    private <T> List<T> onWorkers(Part<T> part) throws Exception {
        long startNs = System.nanoTime() + START_DELAY_NS;
        List<AtomicReference<T>> results = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < cpus.length; w++) {
            int worker = w;
            AtomicReference<T> result = new AtomicReference<>();
            results.add(result);
            threads.add(Thread.ofPlatform().name("asios-e2e-worker-" + w).start(() -> {
                try {
                    Affinity.setCurrentThread(CpuSet.of(cpus[worker]));
                    result.set(part.run(worker, startNs));
                } catch (NativeException e) {
                    failure.compareAndSet(null, new IllegalStateException("cannot pin worker " + worker + " to CPU " + cpus[worker] + ": "
                            + e.getMessage(), e));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return results.stream().map(AtomicReference::get).toList();
    }
}
