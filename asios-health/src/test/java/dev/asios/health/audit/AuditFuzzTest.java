package dev.asios.health.audit;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.health.audit.AuditLineCodec.AuditLine;

/**
 * Fuzzes the audit line parser: any bytes are an audit line that writes back to a line that reads
 * the same, or a {@link dev.asios.host.parse.ParseException} with a message; nothing else escapes.
 * The header read without a parser never throws, and where both read a line they agree.
 * The seeds are under {@code AuditFuzzTestInputs/<method>/}.
 */
class AuditFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void auditLine(@NotNull byte[] bytes) {
        parsedOrRejected((byte[] line) -> AuditLineCodec.parse(line, line.length), bytes).ifPresent(line -> {
            assertThat(line.event().sequence()).isPositive();
            assertThat(line.prev()).hasSize(64);
            byte[] written = AuditLineCodec.encode(line.event(), line.prev());
            assertThat(AuditLineCodec.parse(written, written.length - 1)).isEqualTo(new AuditLine(line.event(), line.prev()));
            assertThat(AuditLineCodec.header(written, written.length - 1))
                    .isEqualTo(new AuditLineCodec.LineHeader(line.event().sequence(), line.event().epochMs(), line.prev()));
            AuditLineCodec.LineHeader header = AuditLineCodec.header(bytes, bytes.length);
            if (header != null) {
                assertThat(header).isEqualTo(new AuditLineCodec.LineHeader(line.event().sequence(), line.event().epochMs(), line.prev()));
            }
        });
        AuditLineCodec.header(bytes, bytes.length);
    }
}
