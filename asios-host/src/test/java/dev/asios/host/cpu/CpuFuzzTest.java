package dev.asios.host.cpu;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes every parser of CPU text: {@code /proc/cpuinfo} and the RISC-V ISA string parse whatever
 * they are given; the cache attributes parse, to a value that keeps the parser's invariants, or
 * fail with a {@link ParseException} that has a message; nothing else escapes. In this package
 * because the cache parsers are package-private. The seeds are under
 * {@code CpuFuzzTestInputs/<method>/}.
 */
class CpuFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void cpuInfo(@NotNull String text) {
        CpuInfo info = CpuInfoParser.parse(text);
        assertThat(info.processors()).allSatisfy(block -> assertThat(block).containsKey("processor"));
        assertThat(info.global().keySet()).allSatisfy(key -> assertThat(key).isNotBlank().doesNotContain(":", "\n"));
    }

    @FuzzTest(maxDuration = "30s")
    void riscvVector(@NotNull String isa) {
        assertThat(AiFeatures.riscvVector(isa)).allMatch(feature -> feature.equals("v") || feature.startsWith("zv"));
    }

    @FuzzTest(maxDuration = "30s")
    void cacheSize(@NotNull String text) {
        parsedOrRejected(CacheReader::parseSizeBytes, text).ifPresent(sizeBytes -> assertThat(sizeBytes).isNotNegative());
    }

    @FuzzTest(maxDuration = "30s")
    void cacheType(@NotNull String text) {
        parsedOrRejected(CacheReader::parseType, text);
    }
}
