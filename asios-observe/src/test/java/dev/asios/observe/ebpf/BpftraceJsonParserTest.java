package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpftraceJsonParserTest {

    private static <T extends BpftraceMessage> T first(List<BpftraceMessage> messages, Class<T> type, String map) {
        return messages.stream().filter(type::isInstance).map(type::cast)
                .filter(m -> switch (m) {
                    case BpftraceMessage.MapValues v -> v.map().equals(map);
                    case BpftraceMessage.Histograms h -> h.map().equals(map);
                    case BpftraceMessage.Stats s -> s.map().equals(map);
                    default -> true;
                })
                .findFirst().orElseThrow();
    }

    @Test
    void readsEveryLineOfTheRecordedKernelProbe() {
        List<BpftraceMessage> messages = Recorded.messages("kernel-0.17.jsonl");

        assertThat(messages.getFirst()).isEqualTo(new BpftraceMessage.AttachedProbes(14));
        BpftraceMessage.Histograms runq = first(messages, BpftraceMessage.Histograms.class, "@runq_us");
        assertThat(runq.histograms().get("1").getFirst()).isEqualTo(new HistogramBucket(0, 0, 220));
        assertThat(runq.histograms().get("1").get(2)).isEqualTo(new HistogramBucket(2, 3, 188));
        BpftraceMessage.MapValues sums = first(messages, BpftraceMessage.MapValues.class, "@runq_ns_sum");
        assertThat(sums.values()).containsEntry("0", 3981579322L).containsEntry("1", 3888622072L);
        BpftraceMessage.Histograms block = first(messages, BpftraceMessage.Histograms.class, "@bio_us");
        assertThat(block.histograms()).containsOnlyKeys("266338304");
        assertThat(first(messages, BpftraceMessage.MapValues.class, "@faults").values()).containsEntry("30674", 9381L);
        assertThat(first(messages, BpftraceMessage.MapValues.class, "@migrations").values()).isNotEmpty();
    }

    @Test
    void readsTheShapesOfBpftrace017() {
        List<BpftraceMessage> messages = Recorded.messages("shapes-0.17.jsonl");

        assertThat(first(messages, BpftraceMessage.MapValues.class, "@switches").values()).containsOnlyKeys("0", "1");
        assertThat(first(messages, BpftraceMessage.MapValues.class, "@pair").values()).containsOnlyKeys("0,x", "1,x");
        assertThat(first(messages, BpftraceMessage.MapValues.class, "@total").values()).containsExactly(Map.entry(BpftraceMessage.NO_KEY, 4872L));
        assertThat(first(messages, BpftraceMessage.Histograms.class, "@unkeyed").histograms()).containsOnlyKeys(BpftraceMessage.NO_KEY);
        assertThat(first(messages, BpftraceMessage.Stats.class, "@stats").stats())
                .containsExactly(Map.entry(BpftraceMessage.NO_KEY, new BpftraceMessage.StatsValue(4871, 30996, 150984218)));
        assertThat(first(messages, BpftraceMessage.Stats.class, "@keyed_stats").stats().get("0"))
                .isEqualTo(new BpftraceMessage.StatsValue(3317, 31549, 104648441));
        List<HistogramBucket> linear = first(messages, BpftraceMessage.Histograms.class, "@linear").histograms().get("1");
        assertThat(linear.getLast()).isEqualTo(new HistogramBucket(1000, HistogramBucket.NO_MAX, 1504));
        List<HistogramBucket> negative = first(messages, BpftraceMessage.Histograms.class, "@neg").histograms().get(BpftraceMessage.NO_KEY);
        assertThat(negative.getFirst()).isEqualTo(new HistogramBucket(HistogramBucket.NO_MIN, -1, 1));
        assertThat(messages).contains(new BpftraceMessage.Text("printf", "tick 1\n"), new BpftraceMessage.LostEvents(36));
        assertThat(messages).anyMatch(m -> m instanceof BpftraceMessage.Text t && t.type().equals("time") && t.text().matches("\\d\\d:\\d\\d:\\d\\d\n"));
    }

    @Test
    void readsTheShapesOfNewerReleases() {
        List<BpftraceMessage> messages = Recorded.messages("shapes-newer-constructed.jsonl");

        assertThat(messages.getFirst()).isEqualTo(new BpftraceMessage.AttachedProbes(14));
        assertThat(messages).contains(new BpftraceMessage.LostEvents(12), new BpftraceMessage.Other("tseries"),
                new BpftraceMessage.RuntimeError("helper_error", "No such file or directory (script line 21)"),
                new BpftraceMessage.RuntimeError("runtime_error", "division by zero (script line 3)"));
        assertThat(first(messages, BpftraceMessage.MapValues.class, "@big").values()).containsEntry(BpftraceMessage.NO_KEY, 9007199254740993L);
        assertThat(first(messages, BpftraceMessage.Histograms.class, "@").histograms().get(BpftraceMessage.NO_KEY))
                .containsExactly(new HistogramBucket(8589934592L, 17179869183L, 1));
        assertThat(first(messages, BpftraceMessage.Histograms.class, "@hist").histograms().get(BpftraceMessage.NO_KEY)).isEmpty();
        assertThat(first(messages, BpftraceMessage.Stats.class, "@stats").stats()).containsOnlyKeys("curl", "zsh");
    }

    @Test
    void describesTheHelperErrorsOf017() {
        assertThat(BpftraceJsonParser.parse("{\"type\": \"helper_error\", \"helper\": \"map_update_elem\", \"retcode\": -7, \"line\": 3, \"col\": 5}"))
                .isEqualTo(new BpftraceMessage.RuntimeError("helper_error", "helper map_update_elem returned -7 (script line 3)"));
    }

    @Test
    void rejectsWhatBpftraceDoesNotPrint() {
        assertThatThrownBy(() -> BpftraceJsonParser.parse("No probes to attach")).isInstanceOf(ParseException.class).hasMessageContaining("not a JSON line");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"data\": 1}")).isInstanceOf(ParseException.class).hasMessageContaining("without a \"type\"");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@s\": {\"a\": \"text\"}}}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("@s[a] is not an integer");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"hist\", \"data\": {\"@h\": [{\"min\": 1}]}}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("without a count");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"hist\", \"data\": {\"@h\": [{\"min\": 4, \"max\": 1, \"count\": 1}]}}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("above max");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@a\": 1, \"@b\": 2}}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("one map");
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"lost_events\", \"count\": -1}")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@a\": 1}} trailing")).isInstanceOf(ParseException.class);
    }
}
