package dev.asios.bench.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import org.junit.jupiter.api.Test;

/** A child JVM's arguments are read or refused with the argument's name. */
class MainArgsTest {

    @Test
    void fractionsAreAboveZeroAndAtMostOne() {
        assertThat(MainArgs.fraction("0.7", "LOAD")).isEqualTo(0.7);
        assertThat(MainArgs.fraction("1", "LOAD")).isEqualTo(1.0);
        for (String bad : new String[] {"0", "1.01", "-0.5", "NaN", "lots"}) {
            assertThatThrownBy(() -> MainArgs.fraction(bad, "LOAD"))
                    .hasMessage("LOAD must be a number above 0 and at most 1, not \"" + bad + "\"");
        }
    }

    @Test
    void cpuListsAreNotEmpty() {
        assertThat(MainArgs.cpuList("0-2,5", "CPUS")).isEqualTo(CpuSet.of(0, 1, 2, 5));
        for (String bad : new String[] {"", "-", "x", "3-1"}) {
            assertThatThrownBy(() -> MainArgs.cpuList(bad, "CPUS")).hasMessage("CPUS must be a list of CPUs such as 0-3,6, not \"" + bad + "\"");
        }
    }
}
