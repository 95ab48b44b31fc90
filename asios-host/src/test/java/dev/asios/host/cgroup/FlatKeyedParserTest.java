package dev.asios.host.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class FlatKeyedParserTest {

    @Test
    void readsCgroupV2CpuStat() {
        assertThat(FlatKeyedParser.parse("usage_usec 1234\nuser_usec 1000\nsystem_usec 234\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n"))
                .containsEntry("usage_usec", 1234L).containsEntry("system_usec", 234L).containsEntry("throttled_usec", 0L).hasSize(6);
    }

    @Test
    void skipsLinesThatAreNotCounters() {
        assertThat(FlatKeyedParser.parse("cache 4096\nhierarchical_memory_limit 9223372036854771712\nodd line here\nneg -1\n"))
                .containsOnlyKeys("cache", "hierarchical_memory_limit");
    }

    @Test
    void refusesAFileWithoutCounters() {
        assertThatThrownBy(() -> FlatKeyedParser.parse("max\n")).isInstanceOf(ParseException.class).hasMessageContaining("key number");
    }

    @Test
    void readsPerCpuUsage() {
        assertThat(FlatKeyedParser.parseList("150 0 2000 \n")).containsExactly(150, 0, 2000);
        assertThat(FlatKeyedParser.parseList("\n")).isEmpty();
        assertThatThrownBy(() -> FlatKeyedParser.parseList("1 x 3")).isInstanceOf(ParseException.class).hasMessageContaining("field 2 is 'x'");
    }

    @Test
    void selectsKeysWithoutAllocatingAndMarksTheMissingOnes() {
        String[] keys = {"usage_usec", "nr_periods", "throttled_usec", "anon"};
        long[] values = new long[5];
        values[4] = 99;
        FlatKeyedParser.select(ByteText.of("usage_usec 1234\nuser_usec 1000\nnr_periods 7\nanon_thp 5\n"), keys, values);
        assertThat(values).containsExactly(1234, 7, FlatKeyedParser.ABSENT, FlatKeyedParser.ABSENT, 99);
    }

    @Test
    void refusesAWantedKeyWithoutACount() {
        String[] keys = {"nr_periods"};
        long[] values = new long[1];
        assertThatThrownBy(() -> FlatKeyedParser.select(ByteText.of("usage_usec x\nnr_periods max\n"), keys, values))
                .isInstanceOf(ParseException.class).hasMessageContaining("'max'").hasMessageContaining("nr_periods max");
        assertThatThrownBy(() -> FlatKeyedParser.select(ByteText.of("nr_periods -3\n"), keys, values))
                .isInstanceOf(ParseException.class).hasMessageContaining("negative").hasMessageContaining("nr_periods -3");
        assertThatThrownBy(() -> FlatKeyedParser.select(ByteText.of("nr_periods\n"), keys, values))
                .isInstanceOf(ParseException.class).hasMessageContaining("expected a number");
    }
}
