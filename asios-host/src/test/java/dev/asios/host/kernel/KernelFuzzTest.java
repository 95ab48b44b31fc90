package dev.asios.host.kernel;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes every parser of kernel text: any input parses, to a value that keeps the parser's
 * invariants, or fails with a {@link ParseException} that has a message; nothing else escapes.
 * The seeds are under {@code KernelFuzzTestInputs/<method>/}.
 */
class KernelFuzzTest {

    private static final List<KernelVersion> LANDMARKS = List.of(new KernelVersion(0, 0, 0), new KernelVersion(4, 14, 0),
            new KernelVersion(6, 8, 0), new KernelVersion(6, 8, 12), new KernelVersion(Integer.MAX_VALUE, 0, 0));

    /** The last CPUs the boot lists are parsed for: unknown, a single CPU, a server, the largest, one too large. */
    private static final int[] LAST_CPUS = {-1, 0, 7, 255, CpuSet.MAX_CPU, CpuSet.MAX_CPU + 1};

    @FuzzTest(maxDuration = "30s")
    void kernelVersion(@NotNull String text) {
        parsedOrRejected(KernelVersion::parse, text).ifPresent(version -> {
            assertThat(List.of(version.major(), version.minor(), version.patch())).allMatch(part -> part >= 0);
            assertThat(KernelVersion.parse(version.toString())).isEqualTo(version);
            assertThat(version.compareTo(version)).isZero();
            for (KernelVersion other : LANDMARKS) {
                assertThat(Integer.signum(version.compareTo(other))).isEqualTo(-Integer.signum(other.compareTo(version)));
                assertThat(version.compareTo(other) == 0).isEqualTo(version.equals(other));
                assertThat(version.atLeast(other.major(), other.minor()))
                        .isEqualTo(version.compareTo(new KernelVersion(other.major(), other.minor(), 0)) >= 0);
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void bannerRelease(@NotNull String text) {
        parsedOrRejected(KernelInfo::parseBannerRelease, text).ifPresent(release -> {
            assertThat(release).isNotEmpty().doesNotContainPattern("\\s");
            assertThat(text).contains(release);
        });
    }

    @FuzzTest(maxDuration = "30s")
    void commandLine(@NotNull String text) {
        KernelCommandLine commandLine = CommandLineParser.parse(text);
        for (KernelCommandLine.Parameter parameter : commandLine.parameters()) {
            assertThat(parameter.name()).isNotEmpty();
            assertThat(commandLine.has(parameter.name())).isTrue();
            assertThat(commandLine.value(parameter.name()).isPresent()).isEqualTo(!commandLine.values(parameter.name()).isEmpty());
        }
        assertThat(commandLine.initArguments()).allSatisfy(argument -> assertThat(argument).isNotEmpty().doesNotContainPattern("\\s"));
    }

    @FuzzTest(maxDuration = "30s")
    void kernelChoice(@NotNull String text) {
        parsedOrRejected(KernelChoice::parse, text).ifPresent(choice -> {
            assertThat(choice.available()).contains(choice.selected());
            assertThat(choice.available()).allSatisfy(value -> assertThat(value).isNotEmpty().doesNotContain("[", "]"));
        });
    }

    @FuzzTest(maxDuration = "30s")
    void swaps(@NotNull String text) {
        parsedOrRejected(SwapsParser::parse, text).ifPresent(devices -> assertThat(devices).allSatisfy(device -> {
            assertThat(device.type()).isNotEmpty();
            assertThat(device.sizeBytes()).isNotNegative();
            assertThat(device.usedBytes()).isNotNegative();
        }));
    }

    @FuzzTest(maxDuration = "30s")
    void mountinfo(@NotNull String text) {
        parsedOrRejected(MountTableParser::parseMountinfo, text).ifPresent(KernelFuzzTest::checkMounts);
    }

    @FuzzTest(maxDuration = "30s")
    void mounts(@NotNull String text) {
        parsedOrRejected(MountTableParser::parseMounts, text).ifPresent(KernelFuzzTest::checkMounts);
    }

    @FuzzTest(maxDuration = "30s")
    void interrupts(@NotNull String text) {
        parsedOrRejected(InterruptsParser::parse, text).ifPresent(interrupts -> {
            assertThat(interrupts.cpus()).isNotEmpty().allMatch(cpu -> cpu >= 0);
            assertThat(interrupts.lines()).allSatisfy(line -> {
                assertThat(line.id()).isNotBlank();
                assertThat(line.counts()).hasSizeBetween(1, interrupts.cpus().size()).allMatch(count -> count >= 0);
            });
        });
    }

    @FuzzTest(maxDuration = "30s")
    void lockedMemoryLimit(@NotNull String text) {
        parsedOrRejected(LockedMemoryLimit::parse, text).ifPresent(limit -> {
            assertThat(limit.softBytes()).isNotNegative();
            assertThat(limit.hardBytes()).isNotNegative();
        });
    }

    @FuzzTest(maxDuration = "30s")
    void environ(@NotNull String text) {
        Map<String, String> variables = EnvironParser.parse(text);
        variables.forEach((name, value) -> {
            assertThat(name).isNotEmpty().doesNotContain("=", "\0");
            assertThat(value).doesNotContain("\0");
        });
    }

    @FuzzTest(maxDuration = "30s")
    void flag(@NotNull String text) {
        parsedOrRejected(KernelValueParser::parseFlag, text).ifPresent(flag -> assertThat(flag).isEqualTo(text.strip().equals("1")));
    }

    @FuzzTest(maxDuration = "30s")
    void sysfsCpuList(@NotNull String text) {
        parsedOrRejected(KernelValueParser::parseSysfsCpuList, text).ifPresent(KernelFuzzTest::checkCpus);
    }

    @FuzzTest(maxDuration = "30s")
    void spacedCpuList(@NotNull String text) {
        parsedOrRejected(KernelValueParser::parseSpacedCpuList, text).ifPresent(KernelFuzzTest::checkCpus);
    }

    @FuzzTest(maxDuration = "30s")
    void bootCpuList(@NotNull String text) {
        for (int lastCpu : LAST_CPUS) {
            parsedOrRejected((String value) -> KernelValueParser.parseBootCpuList(value, lastCpu), text).ifPresent(cpus -> {
                checkCpus(cpus);
                if (text.strip().equalsIgnoreCase("all")) {
                    assertThat(cpus.size()).isEqualTo(lastCpu + 1);
                }
            });
        }
    }

    @FuzzTest(maxDuration = "30s")
    void isolcpus(@NotNull String text) {
        for (int lastCpu : LAST_CPUS) {
            parsedOrRejected((String value) -> IsolcpusParameter.parse(value, lastCpu), text).ifPresent(parameter -> {
                assertThat(parameter.flags()).isNotEmpty().isSubsetOf("nohz", "domain", "managed_irq");
                checkCpus(parameter.cpus());
            });
        }
    }

    @FuzzTest(maxDuration = "30s")
    void taskStat(@NotNull String text) {
        parsedOrRejected(TaskStat::parse, text).ifPresent(stat -> {
            assertThat(stat.pid()).isNotNegative();
            assertThat(stat.parent()).isNotNegative();
            assertThat(stat.flags()).isNotNegative();
            assertThat(text).contains("(" + stat.comm() + ")");
            stat.startTicks().ifPresent(start -> assertThat(start).isNotNegative());
        });
    }

    @FuzzTest(maxDuration = "30s")
    void cpusAllowed(@NotNull String text) {
        parsedOrRejected(CpusAllowed::parse, text).ifPresent(cpus -> assertThat(CpuSet.parseList(cpus.toList())).isEqualTo(cpus));
    }

    private static void checkMounts(List<MountEntry> mounts) {
        assertThat(mounts).allSatisfy(mount -> {
            assertThat(mount.mountPoint()).isNotEmpty();
            assertThat(mount.fsType()).isNotEmpty();
            assertThat(mount.options()).allSatisfy(option -> assertThat(option).isNotEmpty().doesNotContain(","));
        });
    }

    private static void checkCpus(CpuSet cpus) {
        assertThat(cpus.stream()).allMatch(cpu -> cpu >= 0 && cpu <= CpuSet.MAX_CPU);
        assertThat(CpuSet.parseList(cpus.toList())).isEqualTo(cpus);
    }
}
