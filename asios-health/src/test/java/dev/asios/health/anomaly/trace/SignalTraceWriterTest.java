package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import dev.asios.health.signal.SignalRound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalTraceWriterTest {

    private static final SignalGroup CPU0 = SignalGroup.of("cpu", "0", List.of("busy_ratio", "steal_ratio"));
    private static final SignalGroup HOST = SignalGroup.of("host", "all", List.of("memory_available_bytes"));

    @TempDir
    Path dir;

    @Test
    void eachGroupBecomesALabelledTraceThatTheParserReadsBack() throws Exception {
        try (SignalTraceWriter writer = new SignalTraceWriter(dir.resolve("traces"))) {
            writer.write(round(1000, 0.25, Double.NaN, 8e9));
            Files.writeString(dir.resolve("traces").resolve(SignalTraceWriter.LABEL_FILE), "cpu_hog\n");
            writer.write(round(2000, 0.99, 0.01, 7e9));
            Files.writeString(dir.resolve("traces").resolve(SignalTraceWriter.LABEL_FILE), "0");
            writer.write(round(3000, 0.3, 0.0, 8e9));
        }
        LabelledTrace cpu = LabelledTraceParser.read(dir.resolve("traces/cpu_0.csv"));
        assertThat(cpu.signals()).containsExactly("busy_ratio", "steal_ratio");
        assertThat(cpu.size()).isEqualTo(3);
        assertThat(cpu.observations().getFirst().value(1)).isNaN();
        assertThat(cpu.windows()).containsExactly(new LabelledWindow("cpu_hog", 2000, 2000));
        assertThat(LabelledTraceParser.read(dir.resolve("traces/host_all.csv")).observations().get(1).value(0)).isEqualTo(7e9);
    }

    @Test
    void aGroupWhoseSignalsChangeStartsANewFile() throws Exception {
        SignalGroup wider = SignalGroup.of("cpu", "0", List.of("busy_ratio", "steal_ratio", "runqueue_p99_seconds"));
        try (SignalTraceWriter writer = new SignalTraceWriter(dir)) {
            writer.write(round(1000, 0.25, 0.0, 8e9));
            writer.write(new SignalRound(2000, List.of(new GroupObservation(wider, new Observation(2000, new double[] {0.3, 0, 1e-5}))), true));
        }
        assertThat(LabelledTraceParser.read(dir.resolve("cpu_0.csv")).size()).isEqualTo(1);
        assertThat(LabelledTraceParser.read(dir.resolve("cpu_0-2.csv")).signals()).hasSize(3);
    }

    @Test
    void aLabelThatIsNotOneIsRefusedNamingTheFile() throws Exception {
        try (SignalTraceWriter writer = new SignalTraceWriter(dir)) {
            Files.writeString(dir.resolve(SignalTraceWriter.LABEL_FILE), "cpu hog, 2 cores");
            assertThatThrownBy(() -> writer.write(round(1000, 0.2, 0, 1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dir.resolve("label").toString()).hasMessageContaining("'cpu hog, 2 cores', not a label");
        }
    }

    private static SignalRound round(long epochMs, double busy, double steal, double available) {
        return new SignalRound(epochMs, List.of(new GroupObservation(CPU0, new Observation(epochMs, new double[] {busy, steal})),
                new GroupObservation(HOST, new Observation(epochMs, new double[] {available}))), false);
    }
}
