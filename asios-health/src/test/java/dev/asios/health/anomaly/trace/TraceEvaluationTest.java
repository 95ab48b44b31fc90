package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceEvaluationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TraceEvaluation.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheScoresOfATraceFile(@TempDir Path folder) throws IOException {
        Path trace = folder.resolve("faults.csv");
        Files.writeString(trace, SyntheticTraces.withFaults(7, 4, 3600, 600, SyntheticTraces.Faults.CLEAR).toCsv());

        assertThat(run("--grace-s", "30", trace.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("trace " + trace + ": 3600 rounds of [signal_0, signal_1, signal_2, signal_3], 3599 s")
                .containsPattern("precision: \\d\\.\\d{3}")
                .containsPattern("recall: \\d\\.\\d{3} \\(\\d+ of \\d+ windows\\)")
                .containsPattern("false alarms per hour: \\d+\\.\\d\\d")
                .containsPattern("mean time to detect: \\d+\\.\\d s");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadFileIsNamedWithItsLine(@TempDir Path folder) throws IOException {
        Path trace = folder.resolve("bad.csv");
        Files.writeString(trace, "epoch_ms,a,label\n1,2,0\n2,two,0\n");
        assertThat(run(trace.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + trace + ": line 3, column 2: 'two' is not a decimal number, empty or NaN\n");
        assertThat(run(folder.resolve("missing.csv").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("error: no such file: " + folder.resolve("missing.csv") + "\n");
    }

    @Test
    void badArgumentsPrintTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: no trace file given\nusage: TraceEvaluation");
        assertThat(run("--min-grade", "2", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: minimumGrade must be within (0, 1], given 2.0");
        assertThat(run("--warm-up")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --warm-up needs a value");
    }
}
