package dev.asios.health.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.audit.AuditLineCodec.AuditLine;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.RemediationKind;
import dev.asios.host.parse.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AuditLineCodecTest {

    private static final String PREV = "ab".repeat(32);

    static AuditLine roundTrip(AuditEvent event, String prev) {
        byte[] line = AuditLineCodec.encode(event, prev);
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        for (int i = 0; i < line.length - 1; i++) {
            assertThat(line[i]).as("no newline inside the line").isNotEqualTo((byte) '\n');
        }
        return AuditLineCodec.parse(line, line.length - 1);
    }

    @Test
    void aFullEventIsOneLineThatReadsBackTheSame() {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("cpus", "0-1");
        after.put("moved", "4242 (stress-ng)");
        AuditEvent event = AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_APPLIED, "cpu/3", "pid 4242 ran 93% of cpu/3\nfor 5 s")
                .remediation(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU).before(AuditValue.of("3")).after(AuditValue.of(after)).mode(HealMode.ENFORCE).undoRef("journal:42")
                .outcome("moved 1 task").build(7, 1_740_823_200_000L);
        byte[] line = AuditLineCodec.encode(event, PREV);
        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("{\"seq\":7,\"ts\":1740823200000,\"actor\":\"asios-heal\","
                + "\"type\":\"remediation-applied\",\"subject\":\"cpu/3\",\"why\":\"pid 4242 ran 93% of cpu/3\\nfor 5 s\","
                + "\"remediation\":\"move-task-off-isolated-cpu\",\"before\":\"3\",\"after\":{\"cpus\":\"0-1\",\"moved\":\"4242 (stress-ng)\"},"
                + "\"mode\":\"enforce\",\"undo\":\"journal:42\",\"outcome\":\"moved 1 task\",\"prev\":\"" + PREV + "\"}\n");
        assertThat(roundTrip(event, PREV)).isEqualTo(new AuditLine(event, PREV));
    }

    @Test
    void theHeaderOfAWrittenLineIsReadWithoutAParser() {
        AuditEvent event = AuditEvent.builder("a", AuditEventType.FINDING, "s", "w").build(123_456_789_012L, 1_740_823_200_000L);
        byte[] line = AuditLineCodec.encode(event, PREV);
        assertThat(AuditLineCodec.header(line, line.length - 1)).isEqualTo(new AuditLineCodec.LineHeader(123_456_789_012L, 1_740_823_200_000L, PREV));
        AuditEvent extreme = AuditEvent.builder("a", AuditEventType.FINDING, "s", "w").build(Long.MAX_VALUE, Long.MIN_VALUE);
        byte[] extremeLine = AuditLineCodec.encode(extreme, PREV);
        assertThat(AuditLineCodec.header(extremeLine, extremeLine.length - 1)).isEqualTo(new AuditLineCodec.LineHeader(Long.MAX_VALUE, Long.MIN_VALUE, PREV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"seq\":1,\"ts\":5,\"prev\":\"PREV\"} ", "{\"seq\": 1,\"ts\":5,\"prev\":\"PREV\"}",
            "{\"ts\":5,\"seq\":1,\"prev\":\"PREV\"}", "{\"seq\":-1,\"ts\":5,\"prev\":\"PREV\"}", "{\"seq\":0,\"ts\":5,\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5.5,\"prev\":\"PREV\"}", "{\"seq\":1,\"ts\":5,\"prev\":\"PREW\"}", "{\"seq\":9223372036854775808,\"ts\":5,\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5\"prev\":\"PREV\"}"})
    void aLineOfAnotherShapeHasNoHeader(String text) {
        byte[] line = text.replace("PREV", PREV).replace("PREW", "AB".repeat(32)).getBytes(StandardCharsets.UTF_8);
        assertThat(AuditLineCodec.header(line, line.length)).isNull();
    }

    @Test
    void optionalFieldsAreLeftOut() {
        AuditEvent event = AuditEvent.builder(AuditEvent.OPERATOR, AuditEventType.FINDING, "node/1", "memory exhausted in ~40 min").build(1, 0);
        assertThat(new String(AuditLineCodec.encode(event, AuditLineCodec.GENESIS), StandardCharsets.UTF_8))
                .doesNotContain("remediation", "before", "after", "mode", "undo", "outcome");
        assertThat(roundTrip(event, AuditLineCodec.GENESIS).event()).isEqualTo(event);
    }

    @Test
    void anyTextSurvivesAndALoneSurrogateIsReplaced() {
        AuditEvent event = AuditEvent.builder("asios-heal", AuditEventType.FINDING, "run/\u00e9t\u00e9-\uD83D\uDE80", "tab\t, quote \", nul \u0000, bad \uD800")
                .build(1, 1);
        AuditEvent read = roundTrip(event, PREV).event();
        assertThat(read).isEqualTo(event);
        assertThat(read.subject()).isEqualTo("run/\u00e9t\u00e9-\uD83D\uDE80");
        assertThat(read.why()).endsWith("bad ?");
    }

    @Test
    void anEventTooLongForALineIsRefused() {
        AuditEvent event = AuditEvent.builder("a", AuditEventType.FINDING, "s", "x".repeat(AuditLineCodec.MAX_LINE_BYTES)).build(1, 1);
        assertThatThrownBy(() -> AuditLineCodec.encode(event, PREV)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorten its why, before or after");
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() {
        byte[] line = ("{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"new\":[1],\"prev\":\"" + PREV + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(AuditLineCodec.parse(line, line.length).event().why()).isEqualTo("w");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1]", "{\"seq\":1}", "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"reboot\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"PREV\"}",
            "{\"seq\":0,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"PREV\"}",
            "{\"seq\":1.5,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"xyz\"}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"before\":[1],\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"after\":{\"a\":1},\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"mode\":\"maybe\",\"prev\":\"PREV\"}",
            "{\"seq\":1,\"seq\":2,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"PREV\"}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\"s\",\"why\":\"w\",\"prev\":\"PREV\"} {}",
            "{\"seq\":1,\"ts\":5,\"actor\":\"a\",\"type\":\"finding\",\"subject\":\" \",\"why\":\"w\",\"prev\":\"PREV\"}"})
    void otherLinesAreRejectedWithTheLineQuoted(String text) {
        byte[] line = text.replace("PREV", PREV).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditLineCodec.parse(line, line.length)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("audit line: ").hasMessageContaining(", in '");
    }
}
