package dev.asios.host.sys;

import static dev.asios.host.sys.HostThreads.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** getrusage on the real host. */
class ResourceUsageTest {

    static final String BURN = "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done";

    @Test
    void aCpuBurningChildShowsInTheChildrensUsage() throws Exception {
        ResourceUsage before = ResourceUsage.ofChildren();
        output("sh", "-c", BURN);
        ResourceUsage used = ResourceUsage.ofChildren().minus(before);
        assertThat(used.userMicros()).isPositive();
        assertThat(used.minorFaults()).isPositive();
        assertThat(used.maxRssKib()).isPositive();
        assertThat(used.cpuMicros()).isEqualTo(used.userMicros() + used.systemMicros());
    }

    @Test
    void thisJvmHasUsedCpuAndMemory() throws Exception {
        ResourceUsage self = ResourceUsage.ofSelf();
        assertThat(self.userMicros()).isPositive();
        assertThat(self.maxRssKib()).isGreaterThan(10_000);
        assertThat(self.minorFaults()).isPositive();
        assertThat(self.voluntarySwitches()).isPositive();
    }

    @Test
    void minusSubtractsTheCountersAndKeepsTheLaterPeak() {
        ResourceUsage earlier = new ResourceUsage(10, 20, 500, 30, 1, 40, 50);
        ResourceUsage later = new ResourceUsage(15, 27, 300, 39, 2, 41, 60);
        assertThat(later.minus(earlier)).isEqualTo(new ResourceUsage(5, 7, 300, 9, 1, 1, 10));
    }
}
