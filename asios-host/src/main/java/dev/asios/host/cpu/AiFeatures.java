package dev.asios.host.cpu;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU features that decide which AI kernels a host can run fast: vector widths and matrix
 * engines. Read from the {@code flags} (x86), {@code Features} (ARM) or {@code isa} (RISC-V) line
 * of {@code /proc/cpuinfo}. Pure.
 */
public final class AiFeatures {

    /** x86 flags that matter: AVX2/FMA, the AVX-512 family, VNNI, BF16/FP16, AMX. */
    static final List<String> X86 = List.of(
            "avx", "avx2", "fma", "f16c", "avx_vnni", "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl",
            "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx512_vbmi", "avx512ifma", "amx_tile", "amx_bf16",
            "amx_int8", "amx_fp16");

    /** ARM features that matter: NEON, SVE/SVE2, dot product, BF16, int8 matrix multiply, SME. */
    static final List<String> ARM = List.of(
            "asimd", "asimddp", "asimdhp", "sve", "sve2", "svebf16", "svei8mm", "bf16", "i8mm", "sme", "sme2");

    private AiFeatures() {
    }

    /** The AI-relevant features of the first processor that lists any. */
    public static Set<String> of(CpuInfo info) {
        Set<String> found = new TreeSet<>();
        info.first("flags").ifPresent(flags -> keep(flags, X86, found));
        info.first("Features").ifPresent(features -> keep(features, ARM, found));
        info.first("isa").ifPresent(isa -> found.addAll(riscvVector(isa)));
        return found;
    }

    private static void keep(String line, List<String> wanted, Set<String> found) {
        Set<String> present = Set.of(line.strip().split("\\s+"));
        for (String feature : wanted) {
            if (present.contains(feature)) {
                found.add(feature);
            }
        }
    }

    // Format: "rv64imafdcv_zicsr_zvfh" : single-letter extensions, then '_'-separated multi-letter ones
    static Set<String> riscvVector(String isa) {
        Set<String> found = new TreeSet<>();
        String[] parts = isa.strip().toLowerCase().split("_", -1);
        String base = parts[0];
        if (base.startsWith("rv32") || base.startsWith("rv64")) {
            if (base.substring(4).indexOf('v') >= 0) {
                found.add("v");
            }
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("zv")) {
                found.add(parts[i]);
            }
        }
        return found;
    }
}
