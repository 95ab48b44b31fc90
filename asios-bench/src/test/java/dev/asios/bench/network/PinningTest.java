package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import org.junit.jupiter.api.Test;

class PinningTest {

    @Test
    void noCpusPinsNothing() {
        Pinning pinning = Pinning.split(CpuSet.empty());
        assertThat(pinning.pinned()).isFalse();
        assertThat(pinning.describe()).isEqualTo("neither side pinned");
    }

    @Test
    void oneCpuIsShared() {
        assertThat(Pinning.split(CpuSet.of(3))).isEqualTo(new Pinning(CpuSet.of(3), CpuSet.of(3)));
    }

    @Test
    void moreCpusAreSplitSoTheSidesNeverShare() {
        assertThat(Pinning.split(CpuSet.of(0, 1))).isEqualTo(new Pinning(CpuSet.of(0), CpuSet.of(1)));
        assertThat(Pinning.split(CpuSet.of(2, 4, 6))).isEqualTo(new Pinning(CpuSet.of(2, 4), CpuSet.of(6)));
        assertThat(Pinning.split(CpuSet.of(0, 1)).describe()).isEqualTo("receiver on CPUs 0, sender on CPUs 1");
    }
}
