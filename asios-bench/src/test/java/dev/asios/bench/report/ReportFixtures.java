package dev.asios.bench.report;

import dev.asios.bench.Direction;
import dev.asios.bench.Distribution;
import dev.asios.bench.Distribution.Bucket;
import dev.asios.bench.Measurement;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.ab.AbResult;
import java.util.List;
import java.util.Optional;

/** Fixed results for the report tests: a jitter result with cyclictest beside the probe, its histograms, and an A/B of it. */
final class ReportFixtures {

    static final HostSummary HOST = new HostSummary("x86_64, Test CPU <v2>, 2 online CPUs", "3.8 GiB in 1 NUMA node(s)", "6.8.0-test",
            "virtual machine (kvm)");

    /** The probe's p99, rounds 80, 70 and 75 us; its command carries markup that must come out escaped. */
    static final Measurement PROBE = measurement("asios", List.of(80.0, 70.0, 75.0),
            List.of("asios", "bench", "jitter", "--cpus", "1", "--note", "<script>alert('x')</script> & more"));

    static final Measurement CYCLICTEST = measurement("cyclictest", List.of(72.0, 74.0, 76.0), List.of("cyclictest", "--affinity=1"));

    /** 100 samples: 50 at 1 us, 40 at 2, 9 at 3 and 1 at 10, so p50 is 1, p99 is 3 and p99.9 is 10. */
    static final Distribution PROBE_LATENCIES = new Distribution("asios", "wake-up latency", "us",
            List.of(new Bucket(1, 50), new Bucket(2, 40), new Bucket(3, 9), new Bucket(10, 1)));

    static final Distribution CYCLICTEST_LATENCIES = new Distribution("cyclictest", "wake-up latency", "us",
            List.of(new Bucket(1, 30), new Bucket(2, 60), new Bucket(4, 9), new Bucket(12, 1)));

    private ReportFixtures() {
    }

    static Measurement measurement(String tool, List<Double> samples, List<String> command) {
        return new Measurement(tool, "p99 wake-up latency", "us", Direction.LOWER_IS_BETTER, samples, tool + " wake-ups every 1000 us on CPU 1", command);
    }

    static TargetResult jitter() {
        return new TargetResult(Target.JITTER, PROBE, Optional.of(CYCLICTEST), Optional.empty(), List.of(), List.of(PROBE_LATENCIES, CYCLICTEST_LATENCIES));
    }

    static TargetResult jitter(double probeScale, double referenceScale) {
        return new TargetResult(Target.JITTER, scaled(PROBE, probeScale), Optional.of(scaled(CYCLICTEST, referenceScale)), Optional.empty(), List.of());
    }

    /** Two pairs: the tuned probe measures 0.8 and 0.9 of the untuned one, the tuned cyclictest 0.5 and 1.0. */
    static AbResult ab() {
        return new AbResult(Target.JITTER, "training", List.of(jitter(1, 1), jitter(1, 1)), List.of(jitter(0.8, 0.5), jitter(0.9, 1.0)),
                List.of("not applied: /sys/kernel/mm/transparent_hugepage/enabled: <read-only>"));
    }

    private static Measurement scaled(Measurement m, double factor) {
        return new Measurement(m.tool(), m.metric(), m.unit(), m.direction(), m.samples().stream().map(s -> s * factor).toList(), m.method(), m.command());
    }
}
