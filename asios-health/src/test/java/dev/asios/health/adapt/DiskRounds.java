package dev.asios.health.adapt;

import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import dev.asios.health.signal.SignalNames.Disk;
import dev.asios.health.signal.SignalRound;
import java.util.ArrayList;
import java.util.List;

/** Rounds of one disk's signals for tests: a steady load, one round a second. */
final class DiskRounds {

    static final SignalGroup VDA = SignalGroup.of(Disk.KIND, "vda", List.of(Disk.READ_BYTES_PER_SECOND, Disk.WRITE_BYTES_PER_SECOND, Disk.IOPS,
            Disk.MEAN_LATENCY_SECONDS, Disk.UTILIZATION_RATIO, Disk.QUEUE_DEPTH, Disk.BLOCK_LATENCY_P50_SECONDS, Disk.BLOCK_LATENCY_P99_SECONDS));

    /** 4 KiB random reads at 2000 IOPS and queue depth 16. */
    static final Load RANDOM_DEEP_READS = new Load(2000, 4096, 1.0, 16, 0.008, 0.02);
    /** 1 MiB sequential reads at 200 IOPS and queue depth 2. */
    static final Load SEQUENTIAL_READS = new Load(200, 1 << 20, 1.0, 2, 0.01, 0.03);

    private DiskRounds() {
    }

    /** A steady load. */
    record Load(double iops, double requestBytes, double readShare, double queueDepth, double meanLatencySeconds, double p99Seconds) {

        /** The same load with another p99 latency and mean latency scaled alike. */
        Load withP99(double seconds) {
            return new Load(iops, requestBytes, readShare, queueDepth, meanLatencySeconds * seconds / p99Seconds, seconds);
        }

        /** The same load with other IOPS. */
        Load withIops(double newIops) {
            return new Load(newIops, requestBytes, readShare, queueDepth, meanLatencySeconds, p99Seconds);
        }

        DiskSample sample(long epochMs) {
            double bytes = iops * requestBytes;
            return new DiskSample(epochMs, bytes * readShare, bytes * (1 - readShare), iops, queueDepth, meanLatencySeconds, p99Seconds);
        }

        SignalRound round(long epochMs) {
            double bytes = iops * requestBytes;
            double[] values = {bytes * readShare, bytes * (1 - readShare), iops, meanLatencySeconds, 0.9, queueDepth, p99Seconds / 3, p99Seconds};
            return new SignalRound(epochMs, List.of(new GroupObservation(VDA, new Observation(epochMs, values))), false);
        }
    }

    /** {@code count} samples of {@code load}, a second apart, the first at {@code fromMs}. */
    static List<DiskSample> samples(Load load, long fromMs, int count) {
        List<DiskSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(load.sample(fromMs + i * 1000L));
        }
        return samples;
    }

    /** The pattern of ten seconds of {@code load}. */
    static IoPattern pattern(Load load) {
        return IoPattern.of(samples(load, 0, 10));
    }
}
