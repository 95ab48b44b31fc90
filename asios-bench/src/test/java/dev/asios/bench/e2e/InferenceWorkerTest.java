package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A worker's loops serve requests and, once warm, allocate nothing. */
class InferenceWorkerTest {

    private static final long MS = 1_000_000;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void theOpenLoopServesEveryRequestOfItsScheduleWithoutAllocating() throws Exception {
        InferenceWorker worker = new InferenceWorker(MlpModel.generate(MlpShape.of(64, 128, 64), 5), 9);
        LatencyRecorder recorder = new LatencyRecorder(100 * MS);
        CompletableFuture<Long> allocated = new CompletableFuture<>();
        CompletableFuture<Double> throughput = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            long now = System.nanoTime();
            throughput.complete(worker.closedLoop(now, now + 200 * MS));
            worker.openLoop(new ArrivalSchedule(System.nanoTime(), MS), System.nanoTime() + 50 * MS, new LatencyRecorder(100 * MS));
            long startNs = System.nanoTime();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            worker.openLoop(new ArrivalSchedule(startNs, 2 * MS), startNs + 100 * MS, recorder);
            allocated.complete(THREADS.getCurrentThreadAllocatedBytes() - before);
        }).join();

        assertThat(throughput.get()).isPositive();
        assertThat(recorder.total()).isEqualTo(50);
        assertThat(allocated.get()).isLessThanOrEqualTo(512);
    }
}
