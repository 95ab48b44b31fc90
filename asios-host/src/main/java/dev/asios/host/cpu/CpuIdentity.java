package dev.asios.host.cpu;

import java.util.Map;
import java.util.Optional;

/**
 * Vendor and model of the CPUs, from the fields each architecture puts in {@code /proc/cpuinfo}.
 * Pure functions over a parsed {@link CpuInfo}.
 */
public final class CpuIdentity {

    // ARM "CPU implementer" codes.
    private static final Map<String, String> ARM_IMPLEMENTERS = Map.of(
            "0x41", "ARM", "0x42", "Broadcom", "0x43", "Cavium", "0x46", "Fujitsu", "0x48", "HiSilicon",
            "0x4e", "NVIDIA", "0x50", "Ampere (APM)", "0x51", "Qualcomm", "0x61", "Apple", "0xc0", "Ampere");

    // ARM "CPU part" codes of implementer 0x41 seen on servers and boards.
    private static final Map<String, String> ARM_PARTS = Map.ofEntries(
            Map.entry("0xd03", "Cortex-A53"), Map.entry("0xd07", "Cortex-A57"), Map.entry("0xd08", "Cortex-A72"),
            Map.entry("0xd0b", "Cortex-A76"), Map.entry("0xd0c", "Neoverse-N1"), Map.entry("0xd40", "Neoverse-V1"),
            Map.entry("0xd49", "Neoverse-N2"), Map.entry("0xd4f", "Neoverse-V2"), Map.entry("0xd8e", "Neoverse-N3"),
            Map.entry("0xd84", "Neoverse-V3"));

    private CpuIdentity() {
    }

    /** The vendor: x86 {@code vendor_id}, IA-64 {@code vendor}, ARM implementer, RISC-V {@code mvendorid}. */
    public static Optional<String> vendor(CpuInfo info) {
        Optional<String> vendor = info.first("vendor_id", "vendor");
        if (vendor.isPresent()) {
            return vendor;
        }
        return info.first("CPU implementer").map(code -> ARM_IMPLEMENTERS.getOrDefault(code.toLowerCase(), "ARM implementer " + code));
    }

    /** The model name, in the field each architecture uses; for ARM built from the part code. */
    public static Optional<String> model(CpuInfo info) {
        Optional<String> model = info.first("model name", "cpu model", "uarch", "cpu", "Processor", "chip type");
        if (model.isPresent()) {
            return model;
        }
        Optional<String> part = info.first("CPU part");
        if (part.isEmpty()) {
            return Optional.empty();
        }
        String implementer = info.first("CPU implementer").orElse("?");
        String name = implementer.equalsIgnoreCase("0x41") ? ARM_PARTS.get(part.get().toLowerCase()) : null;
        return Optional.of(name != null ? name : "part " + part.get() + " of implementer " + implementer);
    }

    /**
     * True for AMD family 15h (Bulldozer to Excavator): its compute units show two integer cores
     * as thread siblings, though each has its own core id.
     */
    public static boolean hasAmdComputeUnits(CpuInfo info) {
        return info.first("vendor_id").filter("AuthenticAMD"::equals).isPresent()
                && info.first("cpu family").filter("21"::equals).isPresent();
    }
}
