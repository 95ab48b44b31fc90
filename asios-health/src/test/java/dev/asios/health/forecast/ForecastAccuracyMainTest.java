package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastAccuracyMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheReportOfARecordedSeries() throws IOException {
        TimedValues ramp = SyntheticSeries.ramp(240, 1000, 2, 3, 31);
        StringBuilder csv = new StringBuilder(EpochValueCsv.HEADER).append('\n');
        for (int i = 0; i < ramp.size(); i++) {
            csv.append(ramp.epochMs(i)).append(',').append(ramp.value(i)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("ramp.csv"), csv);

        int status = run(file.toString(), "--horizon-steps", "20", "--train-fraction", "0.6", "--aggregation", "last");

        assertThat(status).isZero();
        assertThat(text(out)).contains("method:   RCFCaster (NORMALIZE, transform decay 0.0156, calibration SIMPLE) on last of 60 s steps, horizon 120 steps",
                "data:     240 samples", "trained on the first 144", "scored:   77 forecasts 20 steps (20 min) ahead",
                "ratio of MAE to naive MAE at 20 steps: ");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void runsOnASeriesRecordedOnThisHost() throws Exception {
        Path file = Path.of(ForecastAccuracyMainTest.class.getResource("host-memory-used-15min.csv").toURI());

        int status = run(file.toString(), "--step-seconds", "5", "--horizon-steps", "6");

        // the numbers are quoted in the report: 15 minutes are far shorter than the forecaster is made for
        assertThat(status).isZero();
        assertThat(text(out)).contains("data:     900 samples", "182 steps with data; trained on the first 91",
                "scored:   86 forecasts 6 steps (30 s) ahead", "interval coverage ");
    }

    @Test
    void aBadLineIsNamedOnOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "epoch_ms,value\n1000,1\n2000,x\n");

        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(text(err)).isEqualTo("forecast accuracy: line 3 '2000,x': the value 'x' is not a finite decimal number" + System.lineSeparator());
        assertThat(text(out)).isEmpty();
    }

    @Test
    void argumentsAndFilesAreChecked() {
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).startsWith("forecast accuracy: usage: ForecastAccuracyMain FILE.csv");
        err.reset();
        assertThat(run("x.csv", "--step-seconds", "ten")).isEqualTo(2);
        assertThat(text(err)).contains("--step-seconds needs a whole number, was 'ten'");
        err.reset();
        assertThat(run("x.csv", "--aggregation", "max")).isEqualTo(2);
        assertThat(text(err)).contains("--aggregation must be mean or last, was 'max'");
        err.reset();
        assertThat(run("x.csv", "--colour", "red")).isEqualTo(2);
        assertThat(text(err)).contains("unknown option --colour");
        err.reset();
        assertThat(run(dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(text(err)).startsWith("forecast accuracy: cannot read " + dir.resolve("missing.csv"));
    }

    private int run(String... args) {
        return ForecastAccuracyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
