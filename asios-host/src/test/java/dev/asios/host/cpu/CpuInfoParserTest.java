package dev.asios.host.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuInfoParserTest {

    private static final String X86 = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model name\t: Intel(R) Xeon(R) Platinum 8480+
            flags\t\t: fpu lm avx avx2 fma avx512f avx512bw avx512_bf16 amx_tile amx_bf16 amx_int8 hypervisor

            processor\t: 1
            vendor_id\t: GenuineIntel
            """;

    private static final String ARM64 = """
            processor\t: 0
            BogoMIPS\t: 2000.00
            Features\t: fp asimd evtstrm aes sve sve2 bf16 i8mm
            CPU implementer\t: 0x41
            CPU architecture: 8
            CPU part\t: 0xd4f
            """;

    private static final String RISCV = """
            processor\t: 0
            hart\t\t: 0
            isa\t\t: rv64imafdcv_zicsr_zifencei_zvfh
            mmu\t\t: sv39
            """;

    @Test
    void readsX86BlocksAndFeatures() {
        CpuInfo info = CpuInfoParser.parse(X86);
        assertThat(info.processors()).hasSize(2);
        assertThat(CpuIdentity.vendor(info)).contains("GenuineIntel");
        assertThat(CpuIdentity.model(info)).contains("Intel(R) Xeon(R) Platinum 8480+");
        assertThat(AiFeatures.of(info)).contains("avx2", "avx512f", "amx_tile", "amx_bf16").doesNotContain("fpu", "hypervisor");
        assertThat(ArchitectureDetector.fromCpuInfo(info)).contains("x86_64");
    }

    @Test
    void namesArmPartsAndFeatures() {
        CpuInfo info = CpuInfoParser.parse(ARM64);
        assertThat(CpuIdentity.model(info)).contains("Neoverse-V2");
        assertThat(CpuIdentity.vendor(info)).contains("ARM");
        assertThat(AiFeatures.of(info)).containsExactlyInAnyOrder("asimd", "sve", "sve2", "bf16", "i8mm");
        assertThat(ArchitectureDetector.fromCpuInfo(info)).contains("aarch64");
    }

    @Test
    void findsTheRiscVVectorExtension() {
        CpuInfo info = CpuInfoParser.parse(RISCV);
        assertThat(AiFeatures.of(info)).containsExactlyInAnyOrder("v", "zvfh");
        assertThat(ArchitectureDetector.fromCpuInfo(info)).contains("riscv64");
        assertThat(AiFeatures.riscvVector("rv64imafdc")).isEmpty();
    }

    @Test
    void toleratesGarbage() {
        CpuInfo info = CpuInfoParser.parse("\u0000::\n: x\nprocessor : abc\nno colon here\n\n\n");
        assertThat(info.processors()).isEmpty();
        assertThat(CpuIdentity.model(info)).isEmpty();
        assertThat(ArchitectureDetector.fromCpuInfo(CpuInfo.EMPTY)).isEmpty();
    }

    @Test
    void recognisesAmdComputeUnits() {
        CpuInfo bulldozer = CpuInfoParser.parse("processor : 0\nvendor_id : AuthenticAMD\ncpu family : 21\n");
        CpuInfo zen = CpuInfoParser.parse("processor : 0\nvendor_id : AuthenticAMD\ncpu family : 25\n");
        assertThat(CpuIdentity.hasAmdComputeUnits(bulldozer)).isTrue();
        assertThat(CpuIdentity.hasAmdComputeUnits(zen)).isFalse();
    }

    @Test
    void mapsJvmArchitectureNames() {
        assertThat(ArchitectureDetector.fromJvm("amd64")).isEqualTo("x86_64");
        assertThat(ArchitectureDetector.recordedArchitecture("OSName: Linux\nArchitecture: aarch64\n")).contains("aarch64");
        assertThat(ArchitectureDetector.recordedArchitecture("Architecture:\n")).isEmpty();
    }
}
