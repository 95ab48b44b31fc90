package dev.asios.observe.kerneltext;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** What the collector tests share: the recorded host, series values, and allocation per collection. */
public final class CollectorTesting {

    /** Calls measured after warm-up. */
    private static final int MEASURED_CALLS = 200;

    private CollectorTesting() {
    }

    /**
     * This project's test VM recorded (Debian 12 userland, Linux 6.18, 2 vCPUs, one NUMA node,
     * no schedstat, no cpufreq): {@code proc/} and {@code sys/} files under
     * {@code src/test/resources/dev/asios/observe/recorded-host}.
     */
    public static Sysroot recordedHost() {
        try {
            return Sysroot.of(Path.of(CollectorTesting.class.getResource("/dev/asios/observe/recorded-host").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A function that parses its text into {@code sample} and returns it, for the fuzz tests. */
    public static <T extends TextSample> Function<String, T> parsing(T sample) {
        return text -> {
            sample.parse(ByteText.of(text));
            return sample;
        };
    }

    /** The value of one series, NaN if the family or the series does not exist. */
    public static double value(MetricRegistry registry, String family, String... labelValues) {
        return registry.family(family).flatMap(f -> f.allSeries().stream().filter(s -> s.labelValues().equals(List.of(labelValues))).findFirst())
                .map(Series::value).orElse(Double.NaN);
    }

    /** Every series with a value, by its Prometheus key, sorted. */
    public static Map<String, Double> values(MetricRegistry registry) {
        Map<String, Double> values = new TreeMap<>();
        for (MetricFamily family : registry.families()) {
            for (Series series : family.allSeries()) {
                if (!Double.isNaN(series.value())) {
                    values.put(series.key(), series.value());
                }
            }
        }
        return values;
    }

    /** The label values of a family's series, sorted as the family sorts them; none if it is not registered. */
    public static List<List<String>> labels(MetricRegistry registry, String family) {
        return registry.family(family).map(f -> f.allSeries().stream().map(Series::labelValues).toList()).orElse(List.of());
    }

    /**
     * Runs {@code collector} twice on the real host, {@code pause} apart, and checks that no
     * counter went down and every series kept its labels; returns the second collection's values.
     */
    public static Map<String, Double> collectTwiceOnTheHost(Collector collector, MetricRegistry registry, Duration pause) throws Exception {
        assertThat(collector.availability().available()).as(collector.availability().reason()).isTrue();
        collector.collect();
        Map<String, Double> first = values(registry);
        Thread.sleep(pause);
        collector.collect();
        Map<String, Double> second = values(registry);
        assertThat(second).isNotEmpty();
        for (MetricFamily family : registry.families()) {
            if (family.kind() != MetricKind.COUNTER) {
                continue;
            }
            for (Series series : family.allSeries()) {
                Double before = first.get(series.key());
                if (before != null) {
                    assertThat(second.get(series.key())).as("counter %s", series.key()).isGreaterThanOrEqualTo(before);
                }
            }
        }
        return second;
    }

    /** Bytes allocated per call of {@code collector.collect()} on this thread, after warm-up. */
    public static long allocatedBytesPerCollection(Collector collector) throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2_000; i++) {
            collector.collect();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_CALLS; i++) {
            collector.collect();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED_CALLS;
    }

    /**
     * Bytes that {@link Sysroot#readInto} allocates per call to read {@code paths} once each: the
     * cost of opening files, which a collector cannot avoid; what it allocates beyond is its own.
     */
    public static long allocatedBytesPerReading(Sysroot sysroot, String... paths) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        ByteText buffer = new ByteText();
        for (String path : paths) {
            assertThat(sysroot.readInto(path, buffer)).as(path).isTrue();
        }
        for (int i = 0; i < 2_000; i++) {
            for (String path : paths) {
                sysroot.readInto(path, buffer);
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_CALLS; i++) {
            for (String path : paths) {
                sysroot.readInto(path, buffer);
            }
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED_CALLS;
    }
}
