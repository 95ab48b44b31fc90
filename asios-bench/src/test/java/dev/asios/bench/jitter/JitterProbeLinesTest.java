package dev.asios.bench.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.Distribution;
import dev.asios.bench.LatencyCounts;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

/** The lines a jitter probe's child JVM prints, written and read back, and the lines refused. */
class JitterProbeLinesTest {

    @Test
    void aLatencyLineReadsBackAsWritten() throws ParseException {
        WakeupLatency latency = new WakeupLatency(3, 12, 40, 210, 9876);

        assertThat(JitterProbeLines.latency(latency)).isEqualTo("latency 3 12 40 210 9876");
        assertThat(JitterProbeLines.parseLatency(JitterProbeLines.latency(latency))).isEqualTo(latency);
    }

    @Test
    void aNoiseLineReadsBackAsWritten() throws ParseException {
        OsNoise noise = new OsNoise(1000, 52, 38.5, 9.0, 1234.5);

        assertThat(JitterProbeLines.parseNoise(JitterProbeLines.noise(noise))).isEqualTo(noise);
    }

    @Test
    void countsAddUpAcrossLines() throws ParseException {
        LatencyCounts counts = new LatencyCounts();

        JitterProbeLines.parseCounts("counts 2:10 3:400", counts);
        JitterProbeLines.parseCounts("counts 3:5 17:1", counts);

        assertThat(counts.distribution("asios", "wake-up latency", "us").buckets()).containsExactly(new Distribution.Bucket(2, 10),
                new Distribution.Bucket(3, 405), new Distribution.Bucket(17, 1));
    }

    @Test
    void linesThatDoNotHoldTogetherAreRefusedWithTheLine() {
        assertThatThrownBy(() -> JitterProbeLines.parseLatency("latency 50 12 40 210 9876")).isInstanceOf(ParseException.class)
                .hasMessageContaining("latency 50 12");
        assertThatThrownBy(() -> JitterProbeLines.parseLatency("noise 1 2 3 4 5")).isInstanceOf(ParseException.class)
                .hasMessageContaining("expected 'latency'");
        assertThatThrownBy(() -> JitterProbeLines.parseNoise("noise 1000 x 1 1 1")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> JitterProbeLines.parseCounts("counts 3-4", new LatencyCounts())).isInstanceOf(ParseException.class)
                .hasMessageContaining("'3-4'");
        assertThatThrownBy(() -> JitterProbeLines.parseCounts("counts 3:-4", new LatencyCounts())).isInstanceOf(ParseException.class);
    }
}
