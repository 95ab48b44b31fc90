package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaPartTest {

    private static final String LIBRARY = "/opt/fake/libfakecuda.so";
    private static final BpftraceVersion DEBIAN_12 = new BpftraceVersion(0, 17, 0);

    private final MetricRegistry registry = new MetricRegistry();

    private HistogramValue histogram(String family, String call) {
        return registry.family(family).orElseThrow().histogram(call).snapshot().orElseThrow();
    }

    private double counter(String family, String pid) {
        return registry.family(family).orElseThrow().series(pid).value();
    }

    @Test
    void writesProbesOnlyForTheLibrariesFound() {
        String driverOnly = CudaScript.generate(new CudaLibraries(List.of(LIBRARY), List.of(), List.of()));
        assertThat(driverOnly).contains("uprobe:" + LIBRARY + ":cuLaunchKernel", "uretprobe:" + LIBRARY + ":cuMemcpyDtoH_v2",
                "@cuda_memcpy_bytes[\"cuMemcpyHtoD_v2\"] = hist(arg2 > 0 ? arg2 - 1 : 0);", "print(@cuda_launches);\n  clear(@cuda_launches);")
                .doesNotContain("cudaMemcpy\n", "nccl");
        String ncclOnly = CudaScript.generate(new CudaLibraries(List.of(), List.of(), List.of("/usr/lib/libnccl.so.2")));
        assertThat(ncclOnly).contains("uprobe:/usr/lib/libnccl.so.2:ncclAllReduce", "@nccl_elements[pid, arg3] = sum(arg2);")
                .doesNotContain("cuda_");
        assertThatThrownBy(() -> CudaScript.generate(new CudaLibraries(List.of(), List.of(), List.of()))).hasMessageContaining("no CUDA");
    }

    @Test
    void theWholeScriptSuitsBpftrace017() {
        CudaPart part = new CudaPart(new CudaLibraries(List.of(LIBRARY), List.of(LIBRARY), List.of(LIBRARY)), null, registry, 5);
        String script = ProbeScript.assemble(List.of(part), new ScriptDialect(DEBIAN_12));
        assertThat(script).contains("delete(@cuda_memcpy_start[tid, 2]);").endsWith("END\n{\n  clear(@cuda_memcpy_start);\n}\n");
        assertThat(part.requirements()).hasSize(3).allMatch(r -> r instanceof ProbeRequirement.Uprobe u && u.library().equals(LIBRARY));
    }

    @Test
    void countsTheRecordedCallsOfTheFakeLibrary(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/proc/32176").folder("/sys");
        CudaPart part = new CudaPart(new CudaLibraries(List.of(LIBRARY), List.of(LIBRARY), List.of(LIBRARY)), tree.sysroot(), registry, 5);

        Recorded.messages("cuda-0.17.jsonl").stream().filter(m -> !(m instanceof BpftraceMessage.AttachedProbes)).forEach(part::accept);

        assertThat(counter("asios_cuda_kernel_launches", "32176")).isEqualTo(7);
        assertThat(counter("asios_nccl_allreduce_calls", "32176")).isEqualTo(5);
        assertThat(counter("asios_nccl_allreduce_bytes", "32176")).as("5 x 1000 float32").isEqualTo(20_000);
        HistogramValue htod = histogram("asios_cuda_memcpy_bytes", "cuMemcpyHtoD_v2");
        assertThat(htod.counts()[12]).as("three 4096-byte copies, le 4096").isEqualTo(3);
        assertThat(htod.sum()).isEqualTo(12288);
        assertThat(histogram("asios_cuda_memcpy_bytes", "cuMemcpyDtoH_v2").counts()[20]).as("1 MiB, le 2^20").isEqualTo(1);
        assertThat(histogram("asios_cuda_memcpy_bytes", "cudaMemcpy").counts()[7]).as("100 bytes, le 128").isEqualTo(1);
        HistogramValue times = histogram("asios_cuda_memcpy_seconds", "cuMemcpyHtoD_v2");
        assertThat(times.counts()[5]).as("16..31 µs, le 32 µs").isEqualTo(3);
        assertThat(times.sum()).isCloseTo(60924e-9, within(1e-12));
    }

    @Test
    void allReduceOfAnUnknownDatatypeAddsNoBytes(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/proc/7").folder("/sys");
        CudaPart part = new CudaPart(new CudaLibraries(List.of(), List.of(), List.of(LIBRARY)), tree.sysroot(), registry, 5);
        part.accept(BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@nccl_elements\": {\"7,99\": 10, \"7,9\": 10, \"x,1\": 3}}}"));
        assertThat(counter("asios_nccl_allreduce_bytes", "7")).as("bfloat16 only").isEqualTo(20);
    }
}
