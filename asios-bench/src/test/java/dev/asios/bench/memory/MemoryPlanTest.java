package dev.asios.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.host.cpu.Cache;
import dev.asios.host.cpu.CacheType;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.cpu.Pu;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The CPUs and array size of the memory benchmark, checked against a modelled host. */
class MemoryPlanTest {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    /** Two sockets of 4 CPUs, each with 32 MiB of L3 and 1 MiB L2 per CPU; CPU 7 offline. */
    private static final CpuTopology TWO_SOCKETS = topology(8, CpuSet.of(7), List.of(
            cache(2, 1 * MIB, CpuSet.of(0)), cache(2, 1 * MIB, CpuSet.of(1)),
            cache(3, 32 * MIB, CpuSet.parseList("0-3")), cache(3, 32 * MIB, CpuSet.parseList("4-7"))));

    @Test
    void theDefaultIsAllOnlineCpusAndFourTimesTheL3OfAllSockets() throws BenchException {
        MemoryPlan plan = MemoryPlan.of(options(CpuSet.empty(), OptionalLong.empty()), TWO_SOCKETS, 16 * GIB);
        assertThat(plan).isEqualTo(new MemoryPlan(CpuSet.parseList("0-6"), 256 * MIB));
        assertThat(plan.elementsPerArray()).isEqualTo(32 * MIB);
    }

    @Test
    void smallOrUnknownCachesGetAtLeast64MiB() {
        assertThat(MemoryPlan.defaultArrayBytes(topology(2, CpuSet.empty(), List.of(cache(3, 4 * MIB, CpuSet.of(0, 1)))))).isEqualTo(64 * MIB);
        assertThat(MemoryPlan.defaultArrayBytes(topology(2, CpuSet.empty(), List.of()))).isEqualTo(64 * MIB);
    }

    @Test
    void chosenCpusAndSizeAreKeptInWholeDoubles() throws BenchException {
        MemoryPlan plan = MemoryPlan.of(options(CpuSet.of(1, 4), OptionalLong.of(8 * MIB + 5)), TWO_SOCKETS, 16 * GIB);
        assertThat(plan).isEqualTo(new MemoryPlan(CpuSet.of(1, 4), 8 * MIB));
    }

    @Test
    void offlineOrMissingCpusNameCpus() {
        assertThatThrownBy(() -> MemoryPlan.of(options(CpuSet.of(0, 7, 64), OptionalLong.empty()), TWO_SOCKETS, 16 * GIB))
                .isInstanceOf(BenchException.class)
                .hasMessage("--cpus 0,7,64: CPUs 7,64 are offline or do not exist; the online CPUs are 0-6");
    }

    @Test
    void sizesBelow1MiBNameSize() {
        assertThatThrownBy(() -> MemoryPlan.of(options(CpuSet.empty(), OptionalLong.of(MIB - 1)), TWO_SOCKETS, 16 * GIB))
                .isInstanceOf(BenchException.class).hasMessage("--size 1048575: each array needs at least 1048576 bytes (1 MiB)");
    }

    @Test
    void arraysAbove80PercentOfMemAvailableNameSize() {
        assertThatThrownBy(() -> MemoryPlan.of(options(CpuSet.empty(), OptionalLong.of(GIB)), TWO_SOCKETS, 3 * GIB))
                .isInstanceOf(BenchException.class)
                .hasMessage("--size 1073741824: the three arrays need 3221225472 bytes, above 80% of MemAvailable (2576980377 of 3221225472"
                        + " bytes); the largest size is 858993459");
        assertThatThrownBy(() -> MemoryPlan.of(options(CpuSet.empty(), OptionalLong.empty()), TWO_SOCKETS, 512 * MIB))
                .isInstanceOf(BenchException.class).hasMessageStartingWith("--size 268435456 (the default): the three arrays need");
    }

    static BenchOptions options(CpuSet cpus, OptionalLong sizeBytes) {
        return new BenchOptions(1, Duration.ofSeconds(1), cpus, sizeBytes, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    private static Cache cache(int level, long bytes, CpuSet cpus) {
        return new Cache(level, CacheType.UNIFIED, bytes, 64, 16, cpus);
    }

    private static CpuTopology topology(int cpus, CpuSet offline, List<Cache> caches) {
        List<Pu> pus = IntStream.range(0, cpus)
                .mapToObj(cpu -> new Pu(cpu, !offline.contains(cpu), OptionalInt.empty(), OptionalInt.empty(), Optional.empty())).toList();
        return new CpuTopology("x86_64", Optional.empty(), Optional.empty(), Set.of(), List.of(), List.of(), List.of(), List.of(), pus, caches);
    }
}
