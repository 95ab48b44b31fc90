package dev.asios.bench.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs one of the benchmark's own main classes: the caller's
 * JVM ({@code java.home}) and class path ({@code java.class.path}), native access for the FFM
 * bindings, the serial collector and a small heap. Stateless.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command that runs {@code main} with {@code arguments}, in a heap of at most {@code maxHeapMiB} MiB. */
    public static List<String> command(Class<?> main, int maxHeapMiB, String... arguments) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx" + maxHeapMiB + "m", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        argv.addAll(List.of(arguments));
        return List.copyOf(argv);
    }
}
