package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TaskStatTest {

    @Test
    void readsAUserProcess() {
        TaskStat stat = TaskStat.parse("4242 (python3) S 1 4242 4242 0 -1 4194560 1200 0 0 0 10 3 0 0 20 0 1 0 123 0 0\n");
        assertThat(stat).isEqualTo(new TaskStat(4242, "python3", 'S', 1, 4194560, OptionalLong.of(123)));
        assertThat(stat.kernelThread()).isFalse();
        assertThat(stat.movable()).isTrue();
    }

    @Test
    void theStartTimeIsFieldTwentyTwoAndAbsentFromACutLine() {
        assertThat(TaskStat.parse("900 (sh) T 899 900 900 0 -1 4194304 0 0").startTicks()).isEmpty();
        assertThat(TaskStat.parse("77 (a) b (c)) R 12 77 77 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 98765 1 2").startTicks()).hasValue(98765);
        assertThatThrownBy(() -> TaskStat.parse("9 (x) R 1 9 9 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 soon"))
                .isInstanceOf(ParseException.class).hasMessageContaining("starttime");
    }

    @Test
    void theAllowedCpusAreTheListLineOfTheStatus() {
        assertThat(CpusAllowed.parse("Name:\tksoftirqd/1\nCpus_allowed:\t2\nCpus_allowed_list:\t1\nMems_allowed:\t1\n")).isEqualTo(CpuSet.of(1));
        assertThat(CpusAllowed.parse("Cpus_allowed_list:\t0-3,8\n")).isEqualTo(CpuSet.parseList("0-3,8"));
        assertThatThrownBy(() -> CpusAllowed.parse("Name:\tx\n")).isInstanceOf(ParseException.class).hasMessageContaining("Cpus_allowed_list");
    }

    @Test
    void aStoppedTaskShowsStateT() {
        assertThat(TaskStat.parse("900 (sh) T 899 900 900 0 -1 4194304 0 0").stopped()).isTrue();
        assertThat(TaskStat.parse("900 (sh) S 899 900 900 0 -1 4194304 0 0").stopped()).isFalse();
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
        TaskStat stat = TaskStat.parse("77 (a) b (c)) R 12 77 77 0 -1 4194304 0 0");
        assertThat(stat.comm()).isEqualTo("a) b (c)");
        assertThat(stat.parent()).isEqualTo(12);
    }

    @Test
    void perCpuKernelThreadsAndKthreaddStay() {
        TaskStat perCpu = TaskStat.parse("14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0");
        TaskStat kthreadd = TaskStat.parse("2 (kthreadd) S 0 0 0 0 -1 2129984 0 0");
        TaskStat unbound = TaskStat.parse("15 (rcu_preempt) I 2 0 0 0 -1 2129984 0 0");
        assertThat(perCpu.kernelThread()).isTrue();
        assertThat(perCpu.movable()).as("PF_NO_SETAFFINITY").isFalse();
        assertThat(kthreadd.movable()).as("kthreadd").isFalse();
        assertThat(unbound.movable()).isTrue();
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> TaskStat.parse("")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> TaskStat.parse("12 (x) S 1")).isInstanceOf(ParseException.class).hasMessageContaining("7 fields");
        assertThatThrownBy(() -> TaskStat.parse("x (y) S 1 0 0 0 -1 0")).isInstanceOf(ParseException.class).hasMessageContaining("pid");
        assertThatThrownBy(() -> TaskStat.parse("1 (y) S 1 0 0 0 -1 -5")).isInstanceOf(ParseException.class).hasMessageContaining("flags");
    }
}
