package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detector with its defaults on signal traces this project recorded on a real host with
 * injected faults ({@code scripts/fault-trace}; the files say how): each group must still flag the
 * faults it flagged when recorded, without false alarms. The detector is seeded, so the outcome is
 * the same on every run; a change that makes it miss what it found fails here. Prints each report.
 */
class RecordedHostTraceTest {

    private static final String FOLDER = "/dev/asios/health/anomaly/trace/host-fault-trace/";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cpu_1.csv; cpu_hog io_hog loopback_hog",
        "host_all.csv; cpu_hog memory_hog io_hog",
        "disk_vda.csv; cpu_hog memory_hog io_hog",
        "node_0.csv; memory_hog",
        "nic_lo.csv; loopback_hog"})
    void eachGroupStillFlagsTheFaultsItFlaggedWhenRecorded(String file, String flagged) throws Exception {
        LabelledTrace trace = LabelledTraceParser.read(resource(file));
        EvaluationReport report = TraceEvaluator.defaults().evaluate(trace);
        System.out.print("recorded host trace " + file + ":\n" + report.format());

        assertThat(report.outcomes()).as("every fault was injected after the warm-up").hasSize(5);
        Map<String, Double> found = new TreeMap<>(report.recallByLabel());
        for (String fault : Set.of(flagged.split(" "))) {
            assertThat(found.get(fault)).as(file + " flags " + fault).isEqualTo(1.0);
        }
        assertThat(report.falseAlarms()).as(file + " false alarms").isZero();
        assertThat(report.meanTimeToDetectMs().orElseThrow()).as("ms to detect").isLessThanOrEqualTo(5_000);
    }

    private static Path resource(String file) throws URISyntaxException {
        return Path.of(RecordedHostTraceTest.class.getResource(FOLDER + file).toURI());
    }
}
