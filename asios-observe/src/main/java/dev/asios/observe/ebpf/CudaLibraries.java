package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The CUDA and NCCL libraries on a host that uprobes can attach to: the driver
 * ({@code libcuda.so.1}), the runtimes ({@code libcudart.so*}, one per installed CUDA version) and
 * NCCL ({@code libnccl.so.2}). Found in the dynamic linker's cache ({@code ldconfig -p}) and in the
 * usual folders; each library is listed once, by the path its links lead to, so that two names of
 * one file do not count every call twice. Paths with characters that bpftrace does not take in a
 * probe (a space, a colon) are left out with a warning in the sysroot's diagnostics. Libraries that Python wheels carry in
 * {@code site-packages} are not in either place: give their folders as extra folders. Immutable.
 *
 * @param driver paths of the CUDA driver library
 * @param runtimes paths of the CUDA runtime libraries
 * @param nccl paths of the NCCL library
 */
public record CudaLibraries(List<String> driver, List<String> runtimes, List<String> nccl) {

    /** The folders searched besides the linker cache. */
    public static final List<String> STANDARD_FOLDERS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/local/cuda/lib64");

    private static final Pattern PROBE_PATH = Pattern.compile("/[A-Za-z0-9/._+-]+");
    private static final Predicate<String> DRIVER = "libcuda.so.1"::equals;
    private static final Predicate<String> RUNTIME = name -> name.startsWith("libcudart.so");
    private static final Predicate<String> NCCL = "libnccl.so.2"::equals;

    /** Copies the lists. */
    public CudaLibraries {
        driver = List.copyOf(driver);
        runtimes = List.copyOf(runtimes);
        nccl = List.copyOf(nccl);
    }

    /** True if no library was found. */
    public boolean isEmpty() {
        return driver.isEmpty() && runtimes.isEmpty() && nccl.isEmpty();
    }

    /** Every path, driver first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(driver);
        all.addAll(runtimes);
        all.addAll(nccl);
        return all;
    }

    /**
     * Finds the libraries.
     *
     * @param ldconfigOutput the output of {@code ldconfig -p}, or empty if it could not run
     * @param architecture the JVM's {@code os.arch}: cache entries of another word size (the
     *     32-bit libraries next to the 64-bit ones) are skipped
     * @param extraFolders more folders to search, such as a Python environment's
     *     {@code site-packages/nvidia/nccl/lib}
     */
    public static CudaLibraries find(Sysroot sysroot, String ldconfigOutput, String architecture, List<String> extraFolders) {
        List<String> folders = new ArrayList<>(STANDARD_FOLDERS);
        folders.addAll(extraFolders);
        return new CudaLibraries(
                find(sysroot, ldconfigOutput, architecture, folders, DRIVER),
                find(sysroot, ldconfigOutput, architecture, folders, RUNTIME),
                find(sysroot, ldconfigOutput, architecture, folders, NCCL));
    }

    private static List<String> find(Sysroot sysroot, String ldconfigOutput, String architecture, List<String> folders, Predicate<String> name) {
        Set<String> found = new LinkedHashSet<>();
        for (String path : cachedPaths(ldconfigOutput, architecture, name)) {
            sysroot.realPath(path).ifPresent(found::add);
        }
        for (String folder : folders) {
            for (String file : sysroot.list(folder)) {
                if (name.test(file)) {
                    sysroot.realPath(folder + "/" + file).ifPresent(found::add);
                }
            }
        }
        found.removeIf(path -> {
            boolean unsafe = !PROBE_PATH.matcher(path).matches();
            if (unsafe) {
                sysroot.diagnostics().warn(path, "left out of the CUDA probes: bpftrace takes no such characters in a uprobe's path");
            }
            return unsafe;
        });
        return List.copyOf(found);
    }

    // Format of ldconfig -p: a header line, then "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1"
    /** The paths of the cache entries whose name passes {@code name}, for this architecture. Pure. */
    static List<String> cachedPaths(String ldconfigOutput, String architecture, Predicate<String> name) {
        String wordSizeTag = switch (architecture) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "AArch64";
            default -> "";
        };
        List<String> paths = new ArrayList<>();
        for (String line : ldconfigOutput.split("\n")) {
            int arrow = line.indexOf(" => ");
            int open = line.indexOf(" (");
            int close = line.indexOf(')', Math.max(open, 0));
            if (arrow < 0 || open < 0 || close < 0 || close > arrow) {
                continue;
            }
            String library = line.substring(0, open).strip();
            String tags = line.substring(open + 2, close);
            String path = line.substring(arrow + 4).strip();
            if (name.test(library) && path.startsWith("/") && tags.contains(wordSizeTag)) {
                paths.add(path);
            }
        }
        return paths;
    }
}
