package dev.asios.observe.gpu;

import dev.asios.observe.tool.BoundedTool;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@code fake_nvml.c} (a stand-in NVML with two canned GPUs) with gcc into a folder as
 * {@code libnvidia-ml.so.1}, and calls its test hooks. Without gcc on {@code PATH} the calling
 * test is skipped, saying so.
 */
final class FakeNvml {

    static final String GPU0_UUID = "GPU-6d0f5b46-1f8a-4c0e-9a34-7ea2f1c0aa01";
    static final String GPU1_UUID = "GPU-0c2f4e1d-2b7c-4d6e-8f90-1a2b3c4d5e02";

    private FakeNvml() {
    }

    /** The fake library built in {@code folder}, with {@code defines} such as {@code FAKE_INIT_RC=9}. */
    static Path build(Path folder, String... defines) throws Exception {
        Path source = folder.resolve("fake_nvml.c");
        try (InputStream in = FakeNvml.class.getResourceAsStream("fake_nvml.c")) {
            Files.copy(in, source);
        }
        return compile(folder, source, defines);
    }

    /** A library that loads but has none of NVML's functions. */
    static Path buildEmpty(Path folder) throws Exception {
        Path source = Files.writeString(folder.resolve("empty.c"), "int not_nvml(void) { return 0; }\n");
        return compile(folder, source);
    }

    private static Path compile(Path folder, Path source, String... defines) throws Exception {
        Optional<Path> gcc = BoundedTool.onSearchPath("gcc", Optional.ofNullable(System.getenv("PATH")).orElse(""));
        assumeTrue(gcc.isPresent(), "gcc is not on PATH: the NVML binding tests build a fake libnvidia-ml.so.1 with it "
                + "(./run-tests installs it; apt-get install gcc)");
        Path library = folder.resolve("libnvidia-ml.so.1");
        List<String> command = new ArrayList<>(List.of(gcc.get().toString(), "-shared", "-fPIC", "-Wl,-z,noexecstack", "-O1", "-Wall", "-Werror", "-o", library.toString()));
        for (String define : defines) {
            command.add("-D" + define);
        }
        command.add(source.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gcc finished").isTrue();
        assertThat(process.exitValue()).as("gcc: %s", output).isZero();
        return library;
    }

    /** Queues a critical XID event {@code xid} on GPU {@code gpu} of the loaded fake {@code library}. */
    static void raiseXid(Path library, int gpu, long xid) throws Throwable {
        int result = (int) hook(library, "fake_nvml_raise_xid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG)).invokeExact(gpu, xid);
        assertThat(result).as("event queued").isZero();
    }

    /** How many times {@code nvmlShutdown} of {@code library} was called. */
    static int shutdowns(Path library) throws Throwable {
        return (int) hook(library, "fake_nvml_shutdowns", FunctionDescriptor.of(JAVA_INT)).invokeExact();
    }

    // The library stays loaded for the test's life: the hooks read its state after the collector closed it.
    @SuppressWarnings("restricted")
    private static MethodHandle hook(Path library, String name, FunctionDescriptor descriptor) {
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        return Linker.nativeLinker().downcallHandle(lookup.find(name).orElseThrow(), descriptor);
    }
}
