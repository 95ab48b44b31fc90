package dev.asios.host.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded machines of {@code ../shared/conformance/topology}: finds them and unpacks each
 * archive once per test run into a temporary folder.
 */
public final class ConformanceDumps {

    private static final Path UNPACKED = unpackRoot();

    private ConformanceDumps() {
    }

    /** The folder with the archives and hwloc's answers; fails loudly if it is not there. */
    public static Path directory() {
        String configured = System.getProperty("asios.conformance.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir")).resolve("../../shared/conformance/topology");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("conformance dumps not found at " + dir.toAbsolutePath().normalize()
                    + "; check out shared/ beside the repository or set -Dasios.conformance.dir");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Names of all dumps (archive names without {@code .tar.bz2}), sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tar.bz2"))
                    .map(n -> n.substring(0, n.length() - ".tar.bz2".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sysroot of dump {@code name}, unpacked on first use. */
    public static synchronized Path sysroot(String name) {
        Path target = UNPACKED.resolve(name);
        try {
            if (!Files.isDirectory(target)) {
                Path work = Files.createDirectories(UNPACKED.resolve(name + ".tmp"));
                Process tar = new ProcessBuilder("tar", "-xjf", directory().resolve(name + ".tar.bz2").toString(), "-C", work.toString())
                        .redirectErrorStream(true).start();
                String output = new String(tar.getInputStream().readAllBytes());
                if (tar.waitFor() != 0) {
                    throw new IllegalStateException("tar failed on " + name + ": " + output);
                }
                try (Stream<Path> top = Files.list(work)) {
                    List<Path> entries = top.toList();
                    if (entries.size() != 1) {
                        throw new IllegalStateException(name + " does not hold one top-level folder: " + entries);
                    }
                    Files.move(entries.getFirst(), target);
                }
                Files.delete(work);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path unpackRoot() {
        try {
            Path root = Files.createTempDirectory("asios-conformance-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at shutdown; the folder is under the temporary directory.
        }
    }
}
