package dev.asios.host.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTopologyReaderTest {

    @TempDir
    Path root;

    /** Two packages, two cores each, two threads per core: CPUs n and n+4 are siblings. */
    private SysfsTree twoSocketSmt() {
        SysfsTree tree = new SysfsTree(root).file("/sys/devices/system/cpu/online", "0-7\n")
                .file("/proc/cpuinfo", "processor : 0\nvendor_id : GenuineIntel\nmodel name : Test CPU\nflags : lm avx2\n");
        for (int cpu = 0; cpu < 8; cpu++) {
            int core = cpu % 4;
            int pkg = core / 2;
            String topo = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
            tree.file(topo + "physical_package_id", pkg + "\n")
                    .file(topo + "core_id", (core % 2) + "\n")
                    .file(topo + "core_cpus", CpuSet.of(core, core + 4).toMask(8) + "\n")
                    .file(topo + "package_cpus", (pkg == 0 ? CpuSet.of(0, 1, 4, 5) : CpuSet.of(2, 3, 6, 7)).toMask(8) + "\n");
            String cache = "/sys/devices/system/cpu/cpu" + cpu + "/cache/";
            tree.file(cache + "index0/level", "1").file(cache + "index0/type", "Data").file(cache + "index0/size", "48K")
                    .file(cache + "index0/shared_cpu_map", CpuSet.of(core, core + 4).toMask(8))
                    .file(cache + "index0/coherency_line_size", "64").file(cache + "index0/ways_of_associativity", "12")
                    .file(cache + "index3/level", "3").file(cache + "index3/type", "Unified").file(cache + "index3/size", "32768K")
                    .file(cache + "index3/shared_cpu_list", pkg == 0 ? "0-1,4-5" : "2-3,6-7");
        }
        return tree;
    }

    @Test
    void groupsCpusBySiblingMasks() {
        CpuTopology cpu = new CpuTopologyReader(twoSocketSmt().values()).read();
        assertThat(cpu.architecture()).isEqualTo("x86_64");
        assertThat(cpu.model()).contains("Test CPU");
        assertThat(cpu.aiFeatures()).containsExactly("avx2");
        assertThat(cpu.packages()).extracting(g -> g.cpus().toList()).containsExactly("0-1,4-5", "2-3,6-7");
        assertThat(cpu.cores()).extracting(g -> g.cpus().toList()).containsExactly("0,4", "1,5", "2,6", "3,7");
        assertThat(cpu.dies()).isEmpty();
        assertThat(cpu.pus()).hasSize(8).allMatch(Pu::online);
        assertThat(cpu.dataCaches(1)).hasSize(4).first().satisfies(c -> {
            assertThat(c.sizeBytes()).isEqualTo(48 * 1024);
            assertThat(c.lineSizeBytes()).isEqualTo(64);
            assertThat(c.ways()).isEqualTo(12);
        });
        assertThat(cpu.dataCaches(3)).extracting(c -> c.cpus().toList()).containsExactly("0-1,4-5", "2-3,6-7");
    }

    @Test
    void leavesOfflineCpusOutOfGroupsButListsThem() {
        SysfsTree tree = twoSocketSmt().file("/sys/devices/system/cpu/online", "0-2,4-7\n");
        CpuTopology cpu = new CpuTopologyReader(tree.values()).read();
        assertThat(cpu.offlineCpus().toList()).isEqualTo("3");
        assertThat(cpu.cores()).extracting(g -> g.cpus().toList()).containsExactly("0,4", "1,5", "2,6", "7");
        assertThat(cpu.pus()).filteredOn(pu -> pu.osIndex() == 3).singleElement().satisfies(pu -> assertThat(pu.online()).isFalse());
    }

    @Test
    void usesPerCpuOnlineFilesWhenThereIsNoOnlineList() {
        SysfsTree tree = twoSocketSmt();
        tree.sysroot().resolve("/sys/devices/system/cpu/online").toFile().delete();
        tree.file("/sys/devices/system/cpu/cpu5/online", "0\n");
        CpuTopology cpu = new CpuTopologyReader(tree.values()).read();
        assertThat(cpu.onlineCpus().toList()).isEqualTo("0-4,6-7");
    }

    @Test
    void treatsAmdComputeUnitSiblingsAsCores() {
        SysfsTree tree = new SysfsTree(root).file("/proc/cpuinfo", "processor : 0\nvendor_id : AuthenticAMD\ncpu family : 21\n");
        for (int cpu = 0; cpu < 2; cpu++) {
            String topo = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
            tree.file(topo + "core_id", String.valueOf(cpu)).file(topo + "thread_siblings", "3").file(topo + "core_siblings", "3");
        }
        CpuTopology cpu = new CpuTopologyReader(tree.values()).read();
        assertThat(cpu.cores()).extracting(g -> g.cpus().toList()).containsExactly("0", "1");
        assertThat(cpu.packages()).hasSize(1);
    }

    @Test
    void reportsGarbledMasksAsWarningsAndGoesOn() {
        SysfsTree tree = twoSocketSmt().file("/sys/devices/system/cpu/cpu0/topology/core_cpus", "garbage\n");
        var values = tree.values();
        CpuTopology cpu = new CpuTopologyReader(values).read();
        assertThat(cpu.pus()).hasSize(8);
        assertThat(values.sysroot().diagnostics().warnings()).anySatisfy(w -> assertThat(w.path()).endsWith("cpu0/topology/core_cpus"));
    }

    @Test
    void findsHybridCoreTypes() {
        SysfsTree tree = twoSocketSmt().file("/sys/devices/cpu_core/cpus", "0-3").file("/sys/devices/cpu_atom/cpus", "4-7");
        CpuTopology cpu = new CpuTopologyReader(tree.values()).read();
        assertThat(cpu.pus().get(0).coreType()).contains("intel_core");
        assertThat(cpu.pus().get(7).coreType()).contains("intel_atom");
    }

    @Test
    void parsesCacheFields() {
        assertThat(CacheReader.parseSizeBytes("32K")).isEqualTo(32768);
        assertThat(CacheReader.parseSizeBytes("2M")).isEqualTo(2 * 1024 * 1024);
        assertThat(CacheReader.parseType("Instruction\n")).isEqualTo(CacheType.INSTRUCTION);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CacheReader.parseSizeBytes("K"))
                .isInstanceOf(dev.asios.host.parse.ParseException.class);
    }
}
