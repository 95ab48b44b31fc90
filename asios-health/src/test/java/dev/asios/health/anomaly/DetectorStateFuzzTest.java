package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.health.signal.SignalGroup;
import java.util.List;

/**
 * Fuzzes the restore of saved detectors, whose bytes come from outside (the agent's store, a
 * damaged disk): any bytes, and any document inside a valid header, give a detector or a reason,
 * never an exception. The seeds, a small detector's saved bytes and its document, are under
 * {@code DetectorStateFuzzTestInputs/<method>/}.
 */
class DetectorStateFuzzTest {

    private static final SignalGroup GROUP = SignalGroup.of("test", "a", List.of("busy_ratio", "irqs_per_second"));
    private static final DetectorSettings SMALL = new DetectorSettings(2, 10, 32, 8, 5, 1);

    private static void restoresOrSaysWhy(Restoration restoration) {
        switch (restoration) {
            case Restoration.Rejected rejected -> assertThat(rejected.reason()).isNotBlank();
            case Restoration.Restored restored -> assertThat(restored.detector().group()).isEqualTo(GROUP);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void bytes(byte @NotNull [] bytes) {
        restoresOrSaysWhy(DetectorStateCodec.decode(GROUP, SMALL, bytes));
    }

    @FuzzTest(maxDuration = "30s")
    void documents(byte @NotNull [] document) {
        restoresOrSaysWhy(DetectorStateCodec.decodeDocument(GROUP, SMALL, document));
    }
}
