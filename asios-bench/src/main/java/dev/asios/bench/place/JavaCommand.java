package dev.asios.bench.place;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs one of ASIOS's probe mains, with this JVM's own
 * runtime ({@code java.home}) and class path: small heap, serial GC, native access for the FFM
 * bindings. Stateless.
 */
public final class JavaCommand {

    private JavaCommand() {
    }

    /** The command that runs {@code main} with {@code arguments}. */
    public static List<String> argv(Class<?> main, String... arguments) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx64m", "-cp", System.getProperty("java.class.path"), main.getName()));
        argv.addAll(List.of(arguments));
        return argv;
    }
}
