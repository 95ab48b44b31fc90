package dev.asios.health.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel files of this project's Debian 12 test host (2 vCPUs, one node, a virtio disk),
 * recorded twice one second apart while 16 MiB were written and read back with direct I/O:
 * {@code debian12-round1} and {@code debian12-round2} beside this class, each a tree of the
 * files the CPU, memory, pressure, disk and network collectors read.
 */
final class RecordedRounds {

    static final String ROUND_1 = "debian12-round1";
    static final String ROUND_2 = "debian12-round2";

    private RecordedRounds() {
    }

    /** Copies round {@code name} over {@code root}, replacing the files of an earlier round. */
    static void copy(String name, Path root) {
        Path source = folder(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code hostPath} in round {@code name}. */
    static String text(String name, String hostPath) {
        try {
            return Files.readString(folder(name).resolve(hostPath.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of the first line of {@code hostPath} in round {@code name} whose first word is {@code key}. */
    static List<String> line(String name, String hostPath, String key) {
        return text(name, hostPath).lines().map(String::strip).map(l -> List.of(l.split("\\s+"))).filter(w -> w.getFirst().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + key + " in " + hostPath));
    }

    private static Path folder(String name) {
        URL url = RecordedRounds.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no recorded round " + name + " beside " + RecordedRounds.class.getName());
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
