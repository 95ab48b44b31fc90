package dev.asios.tune.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import dev.asios.tune.profile.ThpDefrag;
import dev.asios.tune.profile.ThpMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TunedImporterTest {

    @TempDir
    Path dir;

    private final Map<String, String> files = new HashMap<>();

    /** Profiles by name, files by "profile/path" or absolute path. */
    private final TunedSource source = new TunedSource() {
        @Override
        public Optional<Text> profile(String name) {
            return file(name, "tuned.conf");
        }

        @Override
        public Optional<Text> file(String profile, String path) {
            String key = path.startsWith("/") ? path : profile + "/" + path;
            return Optional.ofNullable(files.get(key)).map(text -> new Text(key, text));
        }
    };

    private TunedImport importOf(String name, String text) {
        files.put(name + "/tuned.conf", text);
        return TunedImporter.importProfile(TunedImporter.defaultName(name), name, source.profile(name).orElseThrow(), source);
    }

    private Profile load(TunedImport imported) throws IOException {
        Files.writeString(dir.resolve(imported.name() + ".yaml"), imported.yaml());
        return new ProfileLoader(dir).load(imported.name());
    }

    private static String reasonFor(TunedImport imported, String setting) {
        return imported.notImported().stream().filter(s -> s.setting().equals(setting)).findFirst().orElseThrow(
                () -> new AssertionError(setting + " is not among " + imported.notImported())).reason();
    }

    @Test
    void mapsCpuAndSysctlsAndLoads() throws IOException {
        TunedImport imported = importOf("latency-performance", """
                [main]
                summary=Optimize for deterministic performance
                [cpu]
                force_latency=cstate.id_no_zero:1|3
                governor=performance
                energy_performance_preference=balance_performance|performance
                energy_perf_bias=performance
                boost=1
                [sysctl]
                vm.dirty_ratio=10
                vm.dirty_background_ratio=3
                vm.swappiness=10
                vm.zone_reclaim_mode=0
                vm.min_free_kbytes=131072
                kernel/numa_balancing=0
                kernel.sched_rt_runtime_us=-1
                net.core.rmem_max=16777216
                net.core.wmem_max=16777216
                kernel.sched_min_granularity_ns=10000000
                """);
        Profile profile = load(imported);

        assertThat(profile.description()).isEqualTo("Optimize for deterministic performance (imported from tuned latency-performance)");
        assertThat(profile.cpu().governor()).contains("performance");
        assertThat(profile.cpu().energyPerformancePreference()).contains("balance_performance");
        assertThat(profile.cpu().boost()).contains(true);
        assertThat(profile.cpu().maxCstateLatencyUs()).contains(3);
        assertThat(profile.memory().dirtyRatio()).contains(10);
        assertThat(profile.memory().dirtyBackgroundRatio()).contains(3);
        assertThat(profile.memory().swappiness()).contains(10);
        assertThat(profile.memory().zoneReclaimMode()).contains(0);
        assertThat(profile.memory().minFreeKbytes()).contains(131072L);
        assertThat(profile.memory().numaBalancing()).contains(false);
        assertThat(profile.noise().rtThrottling()).contains(false);
        assertThat(profile.network().socketBufferBytes()).contains(16777216);
        assertThat(imported.imported()).filteredOn(i -> i.asiosKey().equals("cpu.maxCstateLatencyUs")).singleElement()
                .satisfies(i -> assertThat(i.note()).contains("tuned's fallback, 3 us"));
        assertThat(imported.imported()).filteredOn(i -> i.asiosKey().equals("network.socketBufferBytes")).hasSize(2);
        assertThat(reasonFor(imported, "[cpu] energy_perf_bias = performance")).contains("no ASIOS setting");
        assertThat(reasonFor(imported, "[sysctl] kernel.sched_min_granularity_ns = 10000000")).contains("scheduler tunable");
        assertThat(imported.yaml()).contains("# [cpu] governor = performance (latency-performance:5)\n  governor: \"performance\"\n")
                .contains("# - [cpu] energy_perf_bias = performance (latency-performance:7)");
    }

    @Test
    void mergesIncludesTheIncludingProfileWinning() throws IOException {
        files.put("base/tuned.conf", "[vm]\ntransparent_hugepages=always\n[sysctl]\nvm.swappiness=10\nvm.dirty_ratio=40\n[disk]\nelevator=none\nreadahead=4096\n");
        TunedImport imported = importOf("child", "[main]\ninclude=base\n[sysctl]\nvm.swappiness=30\n[disk]\nreplace=1\nreadahead=8192 s\n");
        Profile profile = load(imported);

        assertThat(profile.memory().swappiness()).contains(30);
        assertThat(profile.memory().dirtyRatio()).contains(40);
        assertThat(profile.memory().thp()).contains(ThpMode.ALWAYS);
        assertThat(profile.io().readAheadKib()).contains(4096);
        assertThat(profile.io().nvmeScheduler()).isEmpty();
        assertThat(imported.yaml()).contains("Merged as tuned merges them, each later profile winning: base, child.");
    }

    @Test
    void anIncludeThatIsNotThereIsSkippedAndEachProfileLoadsOnce() throws IOException {
        files.put("a/tuned.conf", "[main]\ninclude=child\n[sysctl]\nvm.swappiness=5\n");
        TunedImport imported = importOf("child", "[main]\ninclude=a, missing;${f:virt_check:x:y}\n[sysctl]\nvm.swappiness=7\n");

        assertThat(load(imported).memory().swappiness()).contains(7);
        assertThat(reasonFor(imported, "[main] include = a, missing;${f:virt_check:x:y}")).startsWith("needs tuned's function virt_check");

        TunedImport plain = importOf("other", "[main]\ninclude=a,missing\n");
        assertThat(reasonFor(plain, "[main] include = missing")).startsWith("no tuned profile 'missing' next to the imported one");
        assertThat(load(plain).memory().swappiness()).contains(5);
    }

    @Test
    void isolatedCoresDecideIsolationAndTheSwitchesFollow() throws IOException {
        TunedImport imported = importOf("part", """
                [variables]
                isolated_cores=2-5,7
                [scheduler]
                isolated_cores=${isolated_cores}
                [irqbalance]
                banned_cpus=2,3,4,5,7
                [bootloader]
                cmdline=isolcpus=managed_irq,domain,${isolated_cores} nohz_full=2-6 rcu_nocbs=${isolated_cores}
                """);
        Profile profile = load(imported);

        assertThat(profile.cpu().isolate()).contains("2-5,7");
        assertThat(profile.irq().irqbalanceBanIsolated()).contains(true);
        assertThat(profile.boot().isolcpus()).contains(true);
        assertThat(profile.boot().rcuNocbs()).contains(true);
        assertThat(profile.boot().nohzFull()).isEmpty();
        assertThat(reasonFor(imported, "[bootloader] cmdline = nohz_full=2-6")).contains("differ from cpu.isolate 2-5,7");
    }

    @Test
    void withoutIsolatedCoresTheSwitchesStillApplyToCpuIsolate() throws IOException {
        TunedImport imported = importOf("part", """
                [variables]
                include=/etc/tuned/part-variables.conf
                [scheduler]
                isolated_cores=${isolated_cores}
                [bootloader]
                cmdline=nohz_full=${isolated_cores}
                """);
        Profile profile = load(imported);

        assertThat(profile.cpu().isolate()).isEmpty();
        assertThat(profile.boot().nohzFull()).contains(true);
        assertThat(reasonFor(imported, "[scheduler] isolated_cores = ${isolated_cores}"))
                .isEqualTo("uses the variable ${isolated_cores}, which is not defined; set cpu.isolate by hand: a CPU list such as 2-7, or auto");
        assertThat(reasonFor(imported, "[variables] include = /etc/tuned/part-variables.conf")).startsWith("file not found");

        files.put("/etc/tuned/part-variables.conf", "# set by the site\nisolated_cores=4-7\n");
        assertThat(load(importOf("part", files.get("part/tuned.conf"))).cpu().isolate()).contains("4-7");
    }

    @Test
    void aKernelParameterGivesTheCpusWhenNothingElseDoes() throws IOException {
        files.put("rt/rt-variables.conf", "cores=1-3\n");
        TunedImport imported = importOf("rt", """
                [variables]
                include=${i:PROFILE_DIR}/rt-variables.conf
                [bootloader]
                cmdline_rt=+isolcpus=${cores} skew_tick=1 processor.max_cstate=1 intel_idle.max_cstate=1 hugepagesz=1G hugepages=8 hugepages=512 iommu=on
                """);
        Profile profile = load(imported);

        assertThat(profile.cpu().isolate()).contains("1-3");
        assertThat(profile.boot().isolcpus()).contains(true);
        assertThat(profile.boot().skewTick()).contains(true);
        assertThat(profile.boot().maxCstate()).contains(1);
        assertThat(profile.boot().hugepages1g()).contains(8);
        assertThat(reasonFor(imported, "[bootloader] cmdline_rt = hugepages=512")).contains("only 1 GiB pages at boot");
        assertThat(reasonFor(imported, "[bootloader] cmdline_rt = iommu=on")).isEqualTo("ASIOS sets only iommu=pt (boot.iommuPassthrough)");
    }

    @Test
    void aSecondSettingForTheSameAsiosSettingMustAgree() throws IOException {
        TunedImport imported = importOf("both", """
                [vm]
                dirty_bytes=40%
                dirty_background_bytes=268435456
                [sysctl]
                vm.dirty_ratio=20
                net.core.busy_read=50
                net.core.busy_poll=100
                [bootloader]
                cmdline=processor.max_cstate=1 intel_idle.max_cstate=0
                """);
        Profile profile = load(imported);

        assertThat(profile.memory().dirtyRatio()).contains(40);
        assertThat(profile.network().busyPollUs()).contains(50);
        assertThat(reasonFor(imported, "[sysctl] vm.dirty_ratio = 20"))
                .isEqualTo("conflicts with [vm] dirty_bytes = 40% (both:2), which sets memory.dirtyRatio to 40; ASIOS has one value for both");
        assertThat(reasonFor(imported, "[sysctl] net.core.busy_poll = 100")).startsWith("conflicts with [sysctl] net.core.busy_read = 50");
        assertThat(reasonFor(imported, "[bootloader] cmdline = intel_idle.max_cstate=0")).startsWith("conflicts with");
        assertThat(reasonFor(imported, "[vm] dirty_background_bytes = 268435456")).contains("absolute size in bytes");
    }

    @Test
    void backgroundWritebackAboveTheRatioIsDroppedSoTheProfileLoads() throws IOException {
        TunedImport imported = importOf("dirty", "[sysctl]\nvm.dirty_ratio=5\nvm.dirty_background_ratio=10\n");

        assertThat(load(imported).memory().dirtyBackgroundRatio()).isEmpty();
        assertThat(reasonFor(imported, "[sysctl] vm.dirty_background_ratio = 10")).startsWith("above memory.dirtyRatio 5");
        assertThat(imported.imported()).extracting(ImportedSetting::asiosKey).containsExactly("memory.dirtyRatio");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[sysctl]\\nvm.swappiness=300                | 300 is outside 0..200, the range of the ASIOS setting",
        "[sysctl]\\nvm.stat_interval=0               | 0 is outside 1..2147483647, the range of the ASIOS setting",
        "[sysctl]\\nnet.core.rmem_max=100            | 100 is outside 4096..2147483647, the range of the ASIOS setting",
        "[sysctl]\\nkernel.numa_balancing=2          | '2' is neither 0 nor 1, the two values the ASIOS setting takes",
        "[sysctl]\\nkernel.sched_rt_runtime_us=990000 | ASIOS turns real-time throttling off (-1) or leaves the default 950000; 990000 is neither",
        "[sysctl]\\nvm.swappiness=ten                | 'ten' is not an integer",
        "[vm]\\ntransparent_hugepages=sometimes      | 'sometimes' is not one of always, madvise, never",
        "[cpu]\\ngovernor=${f:gov}                   | needs tuned's function gov, which tuned evaluates on the host",
        "[cpu]\\ngovernor=perf ormance               | 'perf ormance' is not a kernel name (letters, digits and _+.-)",
        "[cpu]\\nforce_latency=cstate.name:C1        | the exit latency of an idle state, known only on the host; set cpu.maxCstateLatencyUs in microseconds",
        "[cpu]\\nforce_latency=soon                  | 'soon' is neither microseconds nor an idle state (cstate.id:N, cstate.name:NAME)",
        "[disk]\\nelevator=cfq                       | cfq was removed in Linux 5.0 with the single-queue block layer; bfq is its nearest successor",
        "[disk]\\nreadahead=lots                     | 'lots' is not a read-ahead size (KiB, or 512-byte sectors with ' s')",
        "[sysfs]\\n/sys/kernel/mm/ksm/run=2          | '2' is neither 0 nor 1, the two values the ASIOS setting takes",
        "[script]\\nscript=${i:PROFILE_DIR}/s.sh     | runs a shell script, which ASIOS does not do; port what it does by hand",
        "[video]\\npanel_power_savings=0             | tuned's video plugin has no ASIOS equivalent"})
    void whatAsiosCannotTakeIsKeptAsACommentWithTheReason(String text, String reason) throws IOException {
        TunedImport imported = importOf("one", text.replace("\\n", "\n"));

        assertThat(imported.imported()).isEmpty();
        assertThat(imported.notImported()).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo(reason));
        assertThat(imported.yaml()).contains("#     " + reason);
        load(imported);
    }

    @Test
    void disksFollowTheDevicesRules() throws IOException {
        Profile all = load(importOf("all", "[disk]\nelevator=deadline\n"));
        assertThat(all.io().nvmeScheduler()).contains("mq-deadline");
        assertThat(all.io().rotationalScheduler()).contains("mq-deadline");

        TunedImport scsi = importOf("scsi", "[disk]\ndevices=sd*,cciss*,dm-*,vd*\nelevator=bfq\nreadahead=>2048\n");
        Profile profile = load(scsi);
        assertThat(profile.io().nvmeScheduler()).isEmpty();
        assertThat(profile.io().rotationalScheduler()).contains("bfq");
        assertThat(scsi.imported()).allSatisfy(i -> assertThat(i.note()).contains("tuned applies [disk] only to devices sd*,cciss*,dm-*,vd*"));

        TunedImport virtio = importOf("virtio", "[disk]\ndevices=vd*, !vda\nelevator=none\n");
        assertThat(reasonFor(virtio, "[disk] elevator = none")).startsWith("tuned sets it only on devices vd*, !vda");
        assertThat(DeviceMatch.matches("!sda", "nvme0n1")).isTrue();
        assertThat(DeviceMatch.matches("!sda", "sda")).isFalse();
        assertThat(DeviceMatch.matches("nvme?n1 sd[ab]", "nvme0n1")).isTrue();
    }

    @Test
    void conditionalAndDisabledSectionsAreNotImported() throws IOException {
        TunedImport imported = importOf("cond", """
                [sysctl.arm]
                type=sysctl
                uname_regex=aarch64
                cpuinfo_regex=ThunderX
                kernel.numa_balancing=0
                [cpu]
                enabled=false
                governor=powersave
                [sysfs]
                /sys/kernel/mm/ksm/run=0
                /sys/kernel/mm/transparent_hugepage/khugepaged/defrag=1
                /sys/kernel/mm/transparent_hugepage/defrag=defer+madvise
                /sys/devices/system/cpu/intel_pstate/no_turbo=1
                """);
        Profile profile = load(imported);

        assertThat(profile.memory().numaBalancing()).isEmpty();
        assertThat(profile.cpu().governor()).isEmpty();
        assertThat(profile.noise().ksm()).contains(false);
        assertThat(profile.memory().khugepagedDefrag()).contains(true);
        assertThat(profile.memory().thpDefrag()).contains(ThpDefrag.DEFER_MADVISE);
        assertThat(reasonFor(imported, "[sysctl.arm] kernel.numa_balancing = 0"))
                .isEqualTo("tuned applies [sysctl.arm] only where uname matches aarch64 and /proc/cpuinfo matches ThunderX; an ASIOS profile has no conditions");
        assertThat(reasonFor(imported, "[cpu]")).isEqualTo("disabled in tuned (enabled = false)");
        assertThat(reasonFor(imported, "[sysfs] /sys/devices/system/cpu/intel_pstate/no_turbo = 1")).startsWith("a raw sysfs write");
    }

    @Test
    void variablesNeedingTunedAreReported() {
        TunedImport imported = importOf("vars", """
                [variables]
                bad-name=1
                mask=${f:cpulist2hex:${cores}}
                [sysfs]
                /sys/devices/virtual/workqueue/cpumask=${mask}
                """);

        assertThat(reasonFor(imported, "[variables] bad-name = 1")).isEqualTo("not a variable name (letters, digits and _)");
        assertThat(reasonFor(imported, "[variables] mask = ${f:cpulist2hex:${cores}}"))
                .isEqualTo("needs tuned's function cpulist2hex, which tuned evaluates on the host; settings that use ${mask} are not imported");
    }

    @Test
    void theYamlQuotesAnyTextSafely() throws IOException {
        TunedImport imported = importOf("text", "[main]\nsummary=Say \"hi\" \\ now\u0001\u2028 # cut\n  and more\u00e9\ud83d\ude00\n[x\u0085y]\nk\u2029=v\u0007\n");
        Profile profile = load(imported);

        assertThat(profile.description()).isEqualTo("Say \"hi\" \\ now\u0001 and more\u00e9\ud83d\ude00 (imported from tuned text)");
        assertThat(imported.yaml()).contains("# - [x\\u0085y] k = v\\u0007 (text:5)");
    }

    @ParameterizedTest
    @CsvSource({"Latency_Performance, latency-performance", "-sap.hana-, sap-hana", "balanced, tuned-balanced", "___, tuned",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void theDefaultNameFollowsTheProfileNamePattern(String folder, String name) {
        assertThat(TunedImporter.defaultName(folder)).isEqualTo(name);
    }

    @Test
    void refusesANameThatIsNotAProfileName() {
        assertThatThrownBy(() -> TunedImporter.importProfile("Bad", "x", new TunedSource.Text("x", ""), source))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseErrorsNameTheFileAndLine() {
        files.put("broken/tuned.conf", "[main]\nsummary=x\n[cpu\n");
        assertThatThrownBy(() -> importOf("top", "[main]\ninclude=broken\n"))
                .isInstanceOf(TunedConfException.class).hasMessage("broken/tuned.conf:3: a section header must look like [name], found '[cpu'");
        String doubling = "[variables]\na0=xxxxxxxxxxxxxxxx\n" + IntStream.range(1, 20)
                .mapToObj(i -> "a" + i + "=${a" + (i - 1) + "}${a" + (i - 1) + "}").reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> importOf("bomb", doubling))
                .isInstanceOf(TunedConfException.class).hasMessageContaining("bomb/tuned.conf:").hasMessageContaining("expand to more than 16384 characters");
    }
}
