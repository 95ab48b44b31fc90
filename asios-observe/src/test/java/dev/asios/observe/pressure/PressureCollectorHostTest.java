package dev.asios.observe.pressure;

import static dev.asios.observe.kerneltext.CollectorTesting.collectTwiceOnTheHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("host")
class PressureCollectorHostTest {

    @Test
    void readsThisHostTwiceWithCountersThatDoNotGoDown() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        PressureCollector collector = new PressureCollector(Sysroot.host(), registry);
        assumeTrue(collector.availability().available(), collector.availability().reason());
        assertThat(collectTwiceOnTheHost(collector, registry, Duration.ofMillis(200)))
                .containsKey("asios_pressure_stalled_seconds_total{resource=\"cpu\",kind=\"some\"}")
                .allSatisfy((key, seconds) -> assertThat(seconds).as(key).isNotNegative());
    }
}
