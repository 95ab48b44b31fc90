package dev.asios.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchJsonTest {

    private static final Measurement PROBE = new Measurement("asios", "p99 wake-up latency", "us", Direction.LOWER_IS_BETTER,
            List.of(80.0, 70.0, 75.0), "timer wake-ups every 1000 us on CPU 1 for 10 s", List.of("asios", "bench", "jitter", "--cpus", "1"));
    private static final Measurement CYCLICTEST = new Measurement("cyclictest", "p99 wake-up latency", "us", Direction.LOWER_IS_BETTER,
            List.of(72.0, 74.0, 76.0), "cyclictest histogram", List.of("cyclictest", "--affinity=1"));

    @Test
    void aResultCarriesSamplesSummariesCommandsAndTheRatio() {
        ObjectNode json = new BenchJson().result(new TargetResult(Target.JITTER, PROBE, Optional.of(CYCLICTEST), Optional.empty(), List.of()));

        assertThat(json.path("target").asText()).isEqualTo("jitter");
        assertThat(json.path("probe").path("samples")).hasSize(3);
        assertThat(json.path("probe").path("median").asDouble()).isEqualTo(75.0);
        assertThat(json.path("reference").path("command").get(0).asText()).isEqualTo("cyclictest");
        assertThat(json.path("ratioToReference").asDouble()).isEqualTo(1.014);
        assertThat(json.path("probe").path("direction").asText()).isEqualTo("lower_is_better");
    }

    @Test
    void aMissingReferenceIsSaidAndTheRatioIsNull() {
        ObjectNode json = new BenchJson().result(new TargetResult(Target.JITTER, PROBE, Optional.empty(), Optional.of("cyclictest is not installed"),
                List.of()));

        assertThat(json.path("referenceMissing").asText()).isEqualTo("cyclictest is not installed");
        assertThat(json.path("ratioToReference").isNull()).isTrue();
    }

    @Test
    void theDocumentHasTheHostThenTheResultsOrTheProfileAndTheAbResults() {
        BenchJson json = new BenchJson();

        ObjectNode plain = json.document(new BenchRun(ReportFixtures.HOST, List.of(ReportFixtures.jitter()), List.of(), Optional.of("stopped")));
        ObjectNode ab = json.document(new BenchRun(ReportFixtures.HOST, List.of(), List.of(ReportFixtures.ab()), Optional.empty()));

        assertThat(plain.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("host", "results");
        assertThat(plain.path("host").path("kernel").asText()).isEqualTo("6.8.0-test");
        assertThat(plain.path("results").get(0)).isEqualTo(json.result(ReportFixtures.jitter()));
        assertThat(ab.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("host", "profile", "ab");
        assertThat(ab.path("profile").asText()).isEqualTo("training");
        assertThat(ab.path("ab").get(0).path("pairs")).hasSize(2);
    }

    @Test
    void theTableShowsBothToolsTheRatioAndTheReferenceCommand() {
        StringWriter text = new StringWriter();
        BenchTable.print(new TargetResult(Target.JITTER, PROBE, Optional.of(CYCLICTEST), Optional.empty(), List.of()), new PrintWriter(text, true));

        assertThat(text.toString()).contains("jitter: p99 wake-up latency (us, lower is better)", "ratio asios/cyclictest: 1.014",
                "reference: cyclictest --affinity=1", "80.00 70.00 75.00");
    }
}
