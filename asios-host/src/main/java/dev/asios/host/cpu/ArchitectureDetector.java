package dev.asios.host.cpu;

import dev.asios.host.sysroot.SysrootValues;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the machine architecture ({@code uname -m}) of a sysroot. In order: the
 * {@code Architecture:} line of {@code /proc/hwloc-nofile-info} (recorded trees), the kernel's
 * {@code /proc/sys/kernel/arch}, the shape of {@code /proc/cpuinfo}, and for the running host the
 * JVM's own {@code os.arch}.
 */
final class ArchitectureDetector {

    private final SysrootValues values;

    ArchitectureDetector(SysrootValues values) {
        this.values = values;
    }

    String detect(CpuInfo cpuInfo) {
        Optional<String> recorded = values.sysroot().read("/proc/hwloc-nofile-info").flatMap(ArchitectureDetector::recordedArchitecture);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Optional<String> kernel = values.string("/proc/sys/kernel/arch").filter(s -> !s.isEmpty());
        if (kernel.isPresent()) {
            return kernel.get();
        }
        Optional<String> inferred = fromCpuInfo(cpuInfo);
        if (inferred.isPresent()) {
            return inferred.get();
        }
        return values.sysroot().isHost() ? fromJvm(System.getProperty("os.arch", "unknown")) : "unknown";
    }

    // Format: "Architecture: x86_64" among other "Key: value" lines
    static Optional<String> recordedArchitecture(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Architecture:")) {
                String value = line.substring("Architecture:".length()).strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromCpuInfo(CpuInfo info) {
        Optional<String> isa = info.first("isa");
        if (isa.isPresent() && isa.get().startsWith("rv")) {
            return Optional.of(isa.get().startsWith("rv32") ? "riscv32" : "riscv64");
        }
        if (info.first("vendor_id").isPresent()) {
            return Optional.of(info.first("flags").filter(f -> (" " + f + " ").contains(" lm ")).isPresent() ? "x86_64" : "i686");
        }
        if (info.first("CPU implementer").isPresent()) {
            String arch = info.first("CPU architecture").orElse("");
            return Optional.of(arch.equals("8") || arch.startsWith("AArch64") ? "aarch64" : "armv7l");
        }
        if (info.first("family").filter(f -> f.contains("Itanium")).isPresent() || info.first("archrev").isPresent()) {
            return Optional.of("ia64");
        }
        if (info.first("cpu").filter(c -> c.toUpperCase(Locale.ROOT).startsWith("POWER")).isPresent()) {
            return Optional.of("ppc64");
        }
        if (info.first("cpu family").filter(f -> f.startsWith("PA-RISC")).isPresent()) {
            return Optional.of("parisc");
        }
        return Optional.empty();
    }

    static String fromJvm(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "riscv64" -> "riscv64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> osArch;
        };
    }
}
