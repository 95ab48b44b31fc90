package dev.asios.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fio JSON parser on outputs recorded on a virtio disk (fio 3.33) and on hand-made ones. */
class FioJsonParserTest {

    @Test
    void aRecordedReadHasItsBandwidth() throws IOException {
        FioResult result = FioJsonParser.parse(resource("fio-seqread.json"));
        assertThat(result.version()).isEqualTo("fio-3.33");
        assertThat(result.read()).isEqualTo(new FioResult.Throughput(1L << 30, 825, 1_301_505_241));
        assertThat(result.read().gigabytesPerSecond()).isCloseTo(1.3015, within(1e-4));
        assertThat(result.write()).isEqualTo(FioResult.Throughput.NONE);
        assertThat(result.write().any()).isFalse();
    }

    @Test
    void aRecordedWriteHasItsBandwidth() throws IOException {
        FioResult result = FioJsonParser.parse(resource("fio-seqwrite.json"));
        assertThat(result.write()).isEqualTo(new FioResult.Throughput(1L << 30, 520, 2_064_888_123));
        assertThat(result.read().any()).isFalse();
    }

    @Test
    void notesBeforeTheJsonAreSkipped() throws IOException {
        String noted = "note: both iodepth >= 1 and synchronous I/O engine are selected, queue depth will be capped at 1\n"
                + resource("fio-seqread.json") + "\nfio: trailing words\n";
        assertThat(FioJsonParser.parse(noted).read().ioBytes()).isEqualTo(1L << 30);
    }

    @Test
    void jobsAreSummedAndTheLongestRuntimeKept() {
        String json = "{\"jobs\": [" + job("a", 0, 100, 1000, 10) + ", " + job("b", 0, 300, 2000, 20) + "]}";
        FioResult result = FioJsonParser.parse(json);
        assertThat(result.version()).isEmpty();
        assertThat(result.read()).isEqualTo(new FioResult.Throughput(400, 20, 3000));
    }

    @Test
    void withoutBwBytesTheBandwidthIsBytesOverRuntime() {
        assertThat(new FioResult.Throughput(2_000_000_000L, 1000, 0).gigabytesPerSecond()).isEqualTo(2.0);
        assertThat(new FioResult.Throughput(5, 0, 0).gigabytesPerSecond()).isZero();
    }

    @Test
    void badOutputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> FioJsonParser.parse("fio: unrecognized option '--bogus'")).isInstanceOf(ParseException.class)
                .hasMessageContaining("no JSON object").hasMessageContaining("--bogus");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": [")).isInstanceOf(ParseException.class).hasMessageContaining("bad JSON");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": []}")).isInstanceOf(ParseException.class).hasMessageContaining("\"jobs\"");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": [" + job("x", 5, 1, 1, 1) + "]}")).isInstanceOf(ParseException.class)
                .hasMessage("fio job \"x\" reported error 5");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": [" + job("x", 0, -1, 1, 1) + "]}")).isInstanceOf(ParseException.class)
                .hasMessageContaining("\"io_bytes\"").hasMessageContaining("-1");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": [{\"error\": 0, \"read\": {}}]}")).isInstanceOf(ParseException.class)
                .hasMessageContaining("\"io_bytes\"");
        assertThatThrownBy(() -> FioJsonParser.parse("{\"jobs\": [{\"error\": 0, \"read\": {\"io_bytes\": 1.5}}]}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("1.5");
    }

    @Test
    void sumsThatOverflowAreRejected() {
        long big = Long.MAX_VALUE - 1;
        String json = "{\"jobs\": [" + job("a", 0, big, 1, 1) + ", " + job("b", 0, big, 1, 1) + "]}";
        assertThatThrownBy(() -> FioJsonParser.parse(json)).isInstanceOf(ParseException.class).hasMessageContaining("overflows");
    }

    private static String job(String name, long error, long ioBytes, long bwBytes, long runtimeMs) {
        String none = "{\"io_bytes\": 0, \"bw_bytes\": 0, \"runtime\": 0}";
        return "{\"jobname\": \"" + name + "\", \"error\": " + error + ", \"read\": {\"io_bytes\": " + ioBytes + ", \"bw_bytes\": " + bwBytes
                + ", \"runtime\": " + runtimeMs + "}, \"write\": " + none + "}";
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FioJsonParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
