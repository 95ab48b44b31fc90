package dev.asios.observe.ebpf;

import dev.asios.observe.tool.BoundedTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped scripts under the real bpftrace of this host, as root: the run-queue and block I/O
 * probes while a file is written and synced, and the CUDA script against a small library compiled
 * here that exports the CUDA and NCCL symbols (uprobes need nothing else). Mounts tracefs if it is
 * not mounted and unmounts it afterwards; checks that no bpftrace is left.
 */
@Tag("host")
@Tag("slow")
class EbpfHostTest {

    private static final Backoff.Settings ONCE = new Backoff.Settings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1));
    private static final String TRACEFS = "/sys/kernel/tracing";

    private static Path bpftrace;
    private static ScriptDialect dialect;
    private static boolean mountedTracefs;

    private final MetricRegistry registry = new MetricRegistry();
    private ProbeSupervisor probe;

    @BeforeAll
    static void needsRootAndBpftrace() throws Exception {
        Optional<Path> found = BpftraceAvailability.findBpftrace(Optional.ofNullable(System.getenv("PATH")).orElse(""));
        assumeTrue(found.isPresent(), "bpftrace is not installed: install the bpftrace package to run the eBPF host tests");
        assumeTrue(BpftraceAvailability.privileges(Sysroot.host()).available(), "the eBPF host tests need root");
        bpftrace = found.get();
        dialect = new ScriptDialect(BpftraceVersion.parse(BoundedTool.output(List.of(bpftrace.toString(), "--version"), Duration.ofSeconds(20)).orElseThrow()));
        if (!Files.isDirectory(Path.of(TRACEFS, "events"))) {
            assertThat(new ProcessBuilder("mount", "-t", "tracefs", "nodev", TRACEFS).inheritIO().start().waitFor()).as("mount tracefs").isZero();
            mountedTracefs = true;
        }
    }

    @AfterAll
    static void unmountTracefs() throws Exception {
        if (mountedTracefs) {
            assertThat(new ProcessBuilder("umount", TRACEFS).inheritIO().start().waitFor()).as("umount tracefs").isZero();
        }
    }

    @AfterEach
    void nothingIsLeft() {
        if (probe != null) {
            long pid = probe.status().pid().orElse(-1);
            probe.close();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("bpftrace " + pid + " after close").isEmpty();
        }
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("bpftrace")).toList())
                .as("bpftrace processes of this JVM").isEmpty();
    }

    private ProbeSupervisor start(List<ProbePart> parts) throws InterruptedException {
        probe = new ProbeSupervisor("host-test", parts, Map.of(), bpftrace, dialect, ONCE, RestartPermit.ALWAYS, registry);
        probe.start();
        await("bpftrace to attach", () -> probe.status().state() == ProbeState.RUNNING);
        return probe;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(probe.status().state()).as(what + ": " + probe.status().reason()).isIn(ProbeState.STARTING, ProbeState.RUNNING);
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long observations(String family) {
        return registry.family(family).orElseThrow().allHistograms().stream()
                .mapToLong(h -> h.snapshot().map(HistogramValue::count).orElse(0L)).sum();
    }

    @Test
    void runQueueAndBlockLatenciesCountWhileAFileIsSynced() throws Exception {
        start(List.of(KernelParts.runQueue(registry), KernelParts.blockIo(Sysroot.host(), registry)));
        Path scratch = Files.createTempDirectory(Path.of("target"), "ebpf-io");
        try {
            for (int i = 0; i < 30; i++) {
                writeAndSync(scratch.resolve("file-" + i));
                Thread.sleep(100);
            }
            await("block I/O", () -> observations("asios_block_io_latency_seconds") > 0);
            await("run-queue latency", () -> observations("asios_runqueue_latency_seconds") > 0);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
        MetricFamily block = registry.family("asios_block_io_latency_seconds").orElseThrow();
        assertThat(block.allHistograms()).extracting(h -> h.labelValues().getFirst()).allMatch(name -> Files.exists(Path.of("/sys/block", name)));
        assertThat(probe.status().lostEvents()).isZero();
    }

    @Test
    void cudaAndNcclCallsOfACompiledStandInAreCounted(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed: the CUDA probe test compiles a stand-in library");
        Path library = compile(folder);
        CudaLibraries libraries = new CudaLibraries(List.of(library.toString()), List.of(library.toString()), List.of(library.toString()));
        start(List.of(new CudaPart(libraries, Sysroot.host(), registry, 1000)));
        MetricFamily calls = registry.family("asios_nccl_allreduce_calls").orElseThrow();
        Thread.sleep(1500);
        long copiesBefore = observations("asios_cuda_memcpy_bytes");
        long timesBefore = observations("asios_cuda_memcpy_seconds");

        String pid = Long.toString(call(folder));

        await("all-reduce bytes", () -> registry.family("asios_nccl_allreduce_bytes").orElseThrow().allSeries().stream()
                .anyMatch(s -> s.labelValues().equals(List.of(pid)) && s.value() == 20_000));
        assertThat(registry.family("asios_cuda_kernel_launches").orElseThrow().series(pid).value()).isEqualTo(7);
        assertThat(calls.series(pid).value()).isEqualTo(5);
        await("copy sizes and times", () -> observations("asios_cuda_memcpy_bytes") == copiesBefore + 5
                && observations("asios_cuda_memcpy_seconds") == timesBefore + 5);
    }

    // Runs the stand-in's caller once; returns its process id.
    private static long call(Path folder) {
        try {
            Process caller = new ProcessBuilder(folder.resolve("caller").toString()).redirectErrorStream(true).start();
            assertThat(caller.waitFor()).isZero();
            return caller.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bpftraceDiesOfABrokenPipeWhenItsReaderIsGone() throws Exception {
        Process orphan = new ProcessBuilder(bpftrace.toString(), "-f", "json", "-e", "interval:ms:200 { @ticks = count(); print(@ticks); }")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(orphan.inputReader().readLine()).contains("attached_probes");
            orphan.getInputStream().close();
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("bpftrace exits once it cannot print").isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }

    private static void writeAndSync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(64 * 1024));
            channel.force(true);
        }
    }

    // A shared library exporting the probed symbols, and a program that calls each a known number of times.
    private static Path compile(Path folder) throws IOException, InterruptedException {
        String signatures = """
                #include <stddef.h>
                int cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz, unsigned shared, void *stream, void **params, void **extra)%s
                int cuMemcpyHtoD_v2(unsigned long long dst, const void *src, size_t bytes)%s
                int cuMemcpyDtoH_v2(void *dst, unsigned long long src, size_t bytes)%s
                int cudaMemcpy(void *dst, const void *src, size_t bytes, int kind)%s
                int ncclAllReduce(const void *send, void *receive, size_t count, int datatype, int op, void *comm, void *stream)%s
                """;
        String body = " { return 0; }";
        Files.writeString(folder.resolve("fake.c"), signatures.formatted(body, body, body, body, body));
        Files.writeString(folder.resolve("caller.c"), signatures.formatted(";", ";", ";", ";", ";") + """
                int main(void) {
                  for (int i = 0; i < 7; i++) cuLaunchKernel(0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
                  for (int i = 0; i < 3; i++) cuMemcpyHtoD_v2(0, 0, 4096);
                  cuMemcpyDtoH_v2(0, 0, 1 << 20);
                  cudaMemcpy(0, 0, 100, 1);
                  for (int i = 0; i < 5; i++) ncclAllReduce(0, 0, 1000, 7, 0, 0, 0);
                  return 0;
                }
                """);
        Path library = folder.resolve("libfakecuda.so");
        run(folder, "gcc", "-shared", "-fPIC", "-O1", "-o", library.toString(), "fake.c");
        run(folder, "gcc", "-O1", "-o", "caller", "caller.c", "-L.", "-lfakecuda", "-Wl,-rpath," + folder);
        return library;
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
