package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTraceParserTest {

    private static final String TRACE = """
            # recorded on a test host
            epoch_ms,busy_ratio,read_bytes_per_second,label
            1767225600000,0.31,1.2e6,0
            1767225601000,0.97,,cpu_hog
            1767225602000,0.95,NaN,cpu_hog\r
            1767225603000,0.30,-4.5E+2,0

            1767225604000,.5,3,1
            """;

    @Test
    void readsRoundsValuesLabelsAndWindows() {
        LabelledTrace trace = LabelledTraceParser.parse(TRACE);
        assertThat(trace.signals()).containsExactly("busy_ratio", "read_bytes_per_second");
        assertThat(trace.size()).isEqualTo(5);
        assertThat(trace.durationMs()).isEqualTo(4000);
        assertThat(trace.observations().get(0).values()).containsExactly(0.31, 1.2e6);
        assertThat(trace.observations().get(1).value(1)).isNaN();
        assertThat(trace.observations().get(2).value(1)).isNaN();
        assertThat(trace.observations().get(3).value(1)).isEqualTo(-450);
        assertThat(trace.observations().get(4).value(0)).isEqualTo(0.5);
        assertThat(trace.label(0)).isEqualTo(LabelledTrace.NORMAL);
        assertThat(trace.windows()).containsExactly(
                new LabelledWindow("cpu_hog", 1767225601000L, 1767225602000L),
                new LabelledWindow("1", 1767225604000L, 1767225604000L));
    }

    @Test
    void adjacentWindowsOfDifferentFaultsStayApart() {
        LabelledTrace trace = LabelledTraceParser.parse("epoch_ms,a,label\n1,1,x\n2,1,x\n3,1,y\n4,1,0\n");
        assertThat(trace.windows()).extracting(LabelledWindow::label).containsExactly("x", "y");
    }

    @Test
    void writesWhatItReads() {
        LabelledTrace trace = LabelledTraceParser.parse(TRACE);
        assertThat(LabelledTraceParser.parse(trace.toCsv())).isEqualTo(trace);
        LabelledTrace generated = SyntheticTraces.withFaults(3, 8, 500, 100, SyntheticTraces.Faults.CLEAR);
        assertThat(LabelledTraceParser.parse(generated.toCsv())).isEqualTo(generated);
    }

    @Test
    void errorsNameTheLineTheColumnAndTheText() {
        assertRejected("", "no header: expected 'epoch_ms,<signal>...,label'");
        assertRejected("time,a,label\n1,2,0\n", "line 1: header 'time,a,label' is not 'epoch_ms,<signal>...,label'");
        assertRejected("epoch_ms,label\n", "line 1: header 'epoch_ms,label' is not 'epoch_ms,<signal>...,label'");
        assertRejected("epoch_ms,a,Bytes,label\n", "line 1, column 3: signal name 'Bytes' is not lower_snake_case or repeats");
        assertRejected("epoch_ms,a,a,label\n", "line 1, column 3: signal name 'a' is not lower_snake_case or repeats");
        assertRejected("epoch_ms,a,label\n", "no rounds after the header");
        assertRejected("epoch_ms,a,label\n1,2\n", "line 2: 2 fields, the header has 3");
        assertRejected("epoch_ms,a,label\n1.5,2,0\n", "line 2, column 1 (epoch_ms): '1.5' is not a whole number of milliseconds");
        assertRejected("epoch_ms,a,b,label\n1,2,0x10,0\n", "line 2, column 3: '0x10' is not a decimal number, empty or NaN");
        assertRejected("epoch_ms,a,label\n1,Infinity,0\n", "line 2, column 2: 'Infinity' is not a decimal number, empty or NaN");
        assertRejected("epoch_ms,a,label\n1,1e999,0\n", "line 2, column 2: '1e999' is out of range");
        assertRejected("epoch_ms,a,label\n1,2,\n", "line 2, column 3 (label): '' is not 0, 1 or a fault name of letters, digits, _ . : - (at most 64)");
        assertRejected("epoch_ms,a,label\n2,2,0\n2,3,0\n", "line 3: round at 2 ms is not after the previous one at 2 ms");
    }

    @Test
    void readingAFileNamesIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trace.csv");
        Files.writeString(file, "epoch_ms,a,label\n1,x,0\n");
        assertThatThrownBy(() -> LabelledTraceParser.read(file))
                .isInstanceOf(ParseException.class)
                .hasMessage(file + ": line 2, column 2: 'x' is not a decimal number, empty or NaN");
        Files.writeString(file, TRACE);
        assertThat(LabelledTraceParser.read(file).signals()).isEqualTo(List.of("busy_ratio", "read_bytes_per_second"));
    }

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> LabelledTraceParser.parse(text)).isInstanceOf(ParseException.class).hasMessage(message);
    }
}
