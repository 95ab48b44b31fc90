package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibrariesTest {

    private static final String CACHE = """
            1234 libs found in cache `/etc/ld.so.cache'
            \tlibnccl.so.2 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libnccl.so.2
            \tlibcudart.so.12 (libc6,x86-64) => /usr/local/cuda/lib64/libcudart.so.12
            \tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1
            \tlibcuda.so.1 (libc6) => /usr/lib/i386-linux-gnu/libcuda.so.1
            \tlibc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6
            """;

    @Test
    void readsTheLinkerCacheForThisWordSize() {
        assertThat(CudaLibraries.cachedPaths(CACHE, "amd64", "libcuda.so.1"::equals)).containsExactly("/usr/lib/x86_64-linux-gnu/libcuda.so.1");
        assertThat(CudaLibraries.cachedPaths(CACHE, "riscv64", "libcuda.so.1"::equals)).hasSize(2);
        assertThat(CudaLibraries.cachedPaths(CACHE, "aarch64", "libcuda.so.1"::equals)).isEmpty();
        assertThat(CudaLibraries.cachedPaths("garbage ) => (\n => x\n", "amd64", name -> true)).isEmpty();
    }

    @Test
    void findsEachLibraryOnceByTheFileItsLinksLeadTo(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys")
                .file("/usr/lib/x86_64-linux-gnu/libcuda.so.550.54.15", "ELF")
                .link("/usr/lib/x86_64-linux-gnu/libcuda.so.1", "libcuda.so.550.54.15")
                .file("/usr/local/cuda-12.4/lib64/libcudart.so.12.4.127", "ELF")
                .link("/usr/local/cuda-12.4/lib64/libcudart.so.12", "libcudart.so.12.4.127")
                .link("/usr/local/cuda", "cuda-12.4")
                .file("/opt/venv/nvidia/nccl/lib/libnccl.so.2", "ELF")
                .file("/opt/odd path/libnccl.so.2", "ELF");

        CudaLibraries found = CudaLibraries.find(tree.sysroot(), CACHE, "amd64", List.of("/opt/venv/nvidia/nccl/lib", "/opt/odd path"));

        assertThat(found.driver()).containsExactly("/usr/lib/x86_64-linux-gnu/libcuda.so.550.54.15");
        assertThat(found.runtimes()).containsExactly("/usr/local/cuda-12.4/lib64/libcudart.so.12.4.127");
        assertThat(found.nccl()).containsExactly("/opt/venv/nvidia/nccl/lib/libnccl.so.2");
        assertThat(found.all()).hasSize(3);
        assertThat(tree.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void leavesOutPathsBpftraceCannotTakeWithAWarning(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys").file("/opt/odd path/libnccl.so.2", "ELF");
        var sysroot = tree.sysroot();

        CudaLibraries found = CudaLibraries.find(sysroot, "", "amd64", List.of("/opt/odd path"));

        assertThat(found.isEmpty()).isTrue();
        assertThat(sysroot.diagnostics().warnings()).singleElement().hasToString("/opt/odd path/libnccl.so.2: left out of the CUDA probes: bpftrace takes no such characters in a uprobe's path");
    }
}
