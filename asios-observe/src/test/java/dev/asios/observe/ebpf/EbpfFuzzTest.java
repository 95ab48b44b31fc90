package dev.asios.observe.ebpf;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.List;

/**
 * Fuzzes every parser of what bpftrace, the kernel and {@code ldconfig} print: any input parses,
 * to a value that keeps the parser's invariants, or fails with a {@code ParseException} that has
 * a message; nothing else escapes. The seeds are under {@code EbpfFuzzTestInputs/<method>/}.
 */
class EbpfFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void jsonLine(@NotNull String line) {
        parsedOrRejected(BpftraceJsonParser::parse, line).ifPresent(message -> {
            if (message instanceof BpftraceMessage.Histograms histograms) {
                for (List<HistogramBucket> buckets : histograms.histograms().values()) {
                    long[] counts = new long[LatencyPart.MICROSECONDS.size()];
                    LatencyPart.MICROSECONDS.add(buckets, counts);
                    for (long count : counts) {
                        assertThat(count).isNotNegative();
                    }
                }
            }
            if (message instanceof BpftraceMessage.LostEvents lost) {
                assertThat(lost.events()).isNotNegative();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void version(@NotNull String text) {
        parsedOrRejected(BpftraceVersion::parse, text).ifPresent(version -> assertThat(version.numbers().minor()).isNotNegative());
    }

    @FuzzTest(maxDuration = "30s")
    void procStatus(@NotNull String text) {
        parsedOrRejected(BpftraceAvailability::privileges, text)
                .ifPresent(availability -> assertThat(availability.available() || !availability.reason().isBlank()).isTrue());
    }

    @FuzzTest(maxDuration = "30s")
    void blockDeviceNumber(@NotNull String text) {
        parsedOrRejected(BlockDeviceNames::devNumber, text).ifPresent(dev -> assertThat(dev).isNotNegative());
    }

    @FuzzTest(maxDuration = "30s")
    void ldconfigCache(@NotNull String text) {
        assertThat(CudaLibraries.cachedPaths(text, "amd64", name -> true)).allSatisfy(path -> assertThat(path).startsWith("/"));
    }

    @FuzzTest(maxDuration = "30s")
    void mapKey(@NotNull String key) {
        assertThat(MapKeys.field(key, 1)).isGreaterThanOrEqualTo(MapKeys.NOT_A_NUMBER);
    }

    @FuzzTest(maxDuration = "30s")
    void stderr(@NotNull String text) {
        BpftraceStderr stderr = new BpftraceStderr();
        text.lines().forEach(stderr::add);
        assertThat(stderr.lines()).hasSizeLessThanOrEqualTo(BpftraceStderr.MAX_LINES);
        assertThat(stderr.reason(1)).startsWith("bpftrace exited with status 1");
    }
}
