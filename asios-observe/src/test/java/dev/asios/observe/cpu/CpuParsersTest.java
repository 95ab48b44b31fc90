package dev.asios.observe.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class CpuParsersTest {

    @Test
    void procStatGivesTheTicksOfEachOnlineCpuAndTheCounters() {
        ProcStat stat = new ProcStat();
        stat.parse(ByteText.of(CpuTexts.STAT));
        assertThat(stat.cpus().count()).isEqualTo(2);
        assertThat(stat.cpus().cpu(1)).isEqualTo(2);
        assertThat(stat.ticks(0, 0)).isEqualTo(1000);
        assertThat(stat.ticks(1, 4)).as("iowait of CPU 2").isEqualTo(40);
        assertThat(stat.ticks(0, 7)).as("steal of CPU 0").isEqualTo(5);
        assertThat(stat.contextSwitches()).isEqualTo(46_380_687);
        assertThat(stat.forks()).isEqualTo(267_047);
        assertThat(stat.procsRunning()).isEqualTo(3);
        assertThat(stat.procsBlocked()).isEqualTo(1);
    }

    @Test
    void procStatRejectsShortLinesMissingCountersAndDisorder() {
        ProcStat stat = new ProcStat();
        assertThatThrownBy(() -> stat.parse(ByteText.of("cpu0 1 2 3\nctxt 1\n"))).isInstanceOf(ParseException.class)
                .hasMessage("line 'cpu0 1 2 3' has 3 times; expected at least 8 (user nice system idle iowait irq softirq steal)");
        assertThatThrownBy(() -> stat.parse(ByteText.of("cpu0 1 2 3 4 5 6 7 8\nprocesses 1\nprocs_running 1\nprocs_blocked 0\n")))
                .hasMessage("no 'ctxt' line; expected the format of /proc/stat");
        assertThatThrownBy(() -> stat.parse(ByteText.of("cpu1 1 2 3 4 5 6 7 8\ncpu0 1 2 3 4 5 6 7 8\n")))
                .hasMessageContaining("CPU 0 is out of range or not in ascending order");
        assertThatThrownBy(() -> stat.parse(ByteText.of("cpu0 1 x 3 4 5 6 7 8\n"))).hasMessageContaining("found 'x'");
        assertThatThrownBy(() -> stat.parse(ByteText.of("cpuX 1 2 3 4 5 6 7 8\n"))).hasMessageContaining("expected 'cpuN', found 'cpuX'");
        assertThatThrownBy(() -> stat.parse(ByteText.of(""))).hasMessageContaining("no 'ctxt' line");
    }

    @Test
    void interruptsAreSummedPerCpuColumnWithoutTheMachineWideRows() {
        InterruptCounts counts = new InterruptCounts();
        counts.parse(ByteText.of(CpuTexts.INTERRUPTS));
        assertThat(counts.columns().count()).isEqualTo(2);
        assertThat(counts.columns().cpu(1)).isEqualTo(2);
        assertThat(counts.sum(0)).isEqualTo(1 + 3268 + 10_458_382);
        assertThat(counts.sum(1)).isEqualTo(1375 + 14_106_109);
    }

    @Test
    void interruptsRejectABadHeaderARowWithoutCountsAndOverflow() {
        InterruptCounts counts = new InterruptCounts();
        assertThatThrownBy(() -> counts.parse(ByteText.of(""))).isInstanceOf(ParseException.class).hasMessageContaining("expected a header 'CPU0 CPU1 ...'");
        assertThatThrownBy(() -> counts.parse(ByteText.of("   \n"))).hasMessageContaining("names no CPU");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0 CPUx\n"))).hasMessageContaining("expected 'CPUN', found 'CPUx'");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU1 CPU1\n"))).hasMessageContaining("not in ascending order");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0 CPU1\nNMI: Non-maskable\n"))).hasMessage("row 'NMI: Non-maskable' has 0 counts for 2 CPU columns");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0\n1: 5000000000000000000\n2: 5000000000000000000\n"))).hasMessageContaining("overflows the sum");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0\n1: -3\n"))).hasMessageContaining("negative");
    }

    @Test
    void softirqsGiveEachTypeForEveryPossibleCpu() {
        SoftirqCounts counts = new SoftirqCounts();
        counts.parse(ByteText.of(CpuTexts.SOFTIRQS + "    NEW_KIND:    1    2    3\n"));
        assertThat(counts.columns().count()).isEqualTo(3);
        assertThat(SoftirqCounts.TYPES[3]).isEqualTo("net_rx");
        assertThat(counts.count(2, 3)).isEqualTo(14_386_261);
        assertThat(counts.count(0, 9)).as("rcu on CPU 0").isEqualTo(1_251_575);
        assertThat(counts.hasType(0)).isTrue();
        counts.parse(ByteText.of("CPU0\nHI: 5\n"));
        assertThat(counts.hasType(0)).isTrue();
        assertThat(counts.hasType(1)).isFalse();
    }

    @Test
    void softirqsRejectRowsOfTheWrongWidth() {
        SoftirqCounts counts = new SoftirqCounts();
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0 CPU1\nHI: 5\n"))).isInstanceOf(ParseException.class)
                .hasMessage("row 'HI: 5' has 1 counts for 2 CPU columns");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0\nHI: 5 6\n"))).hasMessage("row 'HI: 5 6' has more counts than the 1 CPU columns");
        assertThatThrownBy(() -> counts.parse(ByteText.of("CPU0\nTIMER: x\n"))).hasMessageContaining("found 'x'");
    }

    @Test
    void schedstatGivesTheRunQueueWaitOfVersions15To17() {
        Schedstat schedstat = new Schedstat();
        schedstat.parse(ByteText.of(CpuTexts.SCHEDSTAT_V15));
        assertThat(schedstat.cpus().count()).isEqualTo(2);
        assertThat(schedstat.cpus().cpu(1)).isEqualTo(2);
        assertThat(schedstat.runDelayNs(0)).isEqualTo(2_339_587_023L);
        assertThat(schedstat.runDelayNs(1)).isEqualTo(2_204_158_870L);
        schedstat.parse(ByteText.of(CpuTexts.SCHEDSTAT_V17));
        assertThat(schedstat.runDelayNs(0)).isEqualTo(4_679_174_046L);
        schedstat.parse(ByteText.of(CpuTexts.SCHEDSTAT_V17.replace("version 17", "version 16")));
        assertThat(schedstat.cpus().count()).isEqualTo(2);
    }

    @Test
    void schedstatRejectsUnknownVersionsAndShortLines() {
        Schedstat schedstat = new Schedstat();
        assertThatThrownBy(() -> schedstat.parse(ByteText.of("version 18\ncpu0 1 2 3 4 5 6 7 8 9\n"))).isInstanceOf(ParseException.class)
                .hasMessage("schedstat version 18 is not known; versions 15 to 17 are");
        assertThatThrownBy(() -> schedstat.parse(ByteText.of("version 14\n"))).hasMessageContaining("version 14 is not known");
        assertThatThrownBy(() -> schedstat.parse(ByteText.of("timestamp 1\n"))).hasMessageContaining("the first line is not 'version N'");
        assertThatThrownBy(() -> schedstat.parse(ByteText.of(""))).hasMessageContaining("the first line is not 'version N'");
        assertThatThrownBy(() -> schedstat.parse(ByteText.of("version 15\ncpu0 1 2 3 4 5 6 7 8\n"))).hasMessageContaining("expected a number at the end of line");
    }
}
