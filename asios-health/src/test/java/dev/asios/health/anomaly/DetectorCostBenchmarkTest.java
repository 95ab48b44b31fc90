package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CPU cost of one round of one detector, with the default settings, for groups of 4 and 8
 * signals: several detectors fed in turn (as the watch does), warmed up past the JIT and the
 * detectors' warm-up, then timed by the thread's CPU time (not wall time, which other processes
 * on a shared host inflate). Also prints the bytes allocated per round, the heap a detector holds
 * and the size of its saved state. The bound is the budget: a hundred groups of 8 signals at one
 * round per second within a tenth of one core. Prints its method and numbers; run alone with
 * {@code -Dtest=DetectorCostBenchmarkTest -Dasios.excludedTags=} or as a main.
 */
@Tag("slow")
class DetectorCostBenchmarkTest {

    private static final int DETECTORS = 10;
    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int TIMED_ROUNDS = 2_000;

    @Test
    void costPerRound() {
        for (int signals : new int[] {4, 8}) {
            double microseconds = microsecondsPerRound(DetectorSettings.defaults(), signals);
            assertThat(microseconds).as("µs per round of %d signals", signals).isLessThan(1_000);
        }
    }

    /** Runs the benchmark for the given sizes: {@code main [signals...]}. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {4, 8} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int signals : sizes) {
            microsecondsPerRound(DetectorSettings.defaults(), signals);
        }
    }

    static double microsecondsPerRound(DetectorSettings settings, int signals) {
        List<String> names = IntStream.range(0, signals).mapToObj(i -> "s" + i).toList();
        List<ForestDetector> detectors = new ArrayList<>();
        for (int d = 0; d < DETECTORS; d++) {
            detectors.add(new ForestDetector(SignalGroup.of("bench", "g" + d, names), settings));
        }
        Random random = new Random(7);
        feed(detectors, random, 0, WARM_UP_ROUNDS);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuStartNs = threads.getCurrentThreadCpuTime();
        long bytesStart = threads.getCurrentThreadAllocatedBytes();
        feed(detectors, random, WARM_UP_ROUNDS, TIMED_ROUNDS);
        long updates = (long) DETECTORS * TIMED_ROUNDS;
        double microseconds = (threads.getCurrentThreadCpuTime() - cpuStartNs) / 1000.0 / updates;
        double kib = (threads.getCurrentThreadAllocatedBytes() - bytesStart) / 1024.0 / updates;
        long savedBytes = detectors.stream().mapToLong(d -> DetectorStateCodec.encode(d).orElseThrow().length).sum() / DETECTORS;
        long retainedBytes = retainedBytes(detectors);
        System.out.printf(Locale.ROOT, "detector cost: %d signals, shingle %d, %d trees, %d samples: %.1f µs CPU and %.1f KiB allocated per round,"
                + " %d KiB retained heap and %d KiB saved per detector (%d detectors x %d rounds, after %d rounds of warm-up)%n", signals,
                settings.shingleSize(), settings.numberOfTrees(), settings.sampleSize(), microseconds, kib, retainedBytes / 1024,
                savedBytes / 1024, DETECTORS, TIMED_ROUNDS, WARM_UP_ROUNDS);
        return microseconds;
    }

    /** The heap the detectors hold, each: used heap after a collection with them, less without (an estimate). */
    private static long retainedBytes(List<ForestDetector> detectors) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long with = runtime.totalMemory() - runtime.freeMemory();
        int count = detectors.size();
        detectors.clear();
        System.gc();
        return Math.max(0, with - (runtime.totalMemory() - runtime.freeMemory())) / count;
    }

    private static void feed(List<ForestDetector> detectors, Random random, int firstRound, int rounds) {
        for (int round = firstRound; round < firstRound + rounds; round++) {
            for (ForestDetector detector : detectors) {
                double[] values = new double[detector.group().dimensions()];
                for (int s = 0; s < values.length; s++) {
                    values[s] = (s + 1) * 100 * (1 + 0.2 * Math.sin(round / 150.0 + s) + 0.03 * random.nextGaussian());
                }
                detector.process(new Observation(1_767_225_600_000L + round * 1000L, values));
            }
        }
    }
}
