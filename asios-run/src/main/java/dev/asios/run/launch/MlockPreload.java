package dev.asios.run.launch;

import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The small library that {@code --mlock} preloads into a run ({@code LD_PRELOAD}): its constructor
 * calls {@code mlockall(MCL_CURRENT | MCL_FUTURE)} before the program's {@code main}. Memory
 * locks do not survive {@code execve}, so they cannot be set from outside. Built once from the C
 * source kept in ASIOS with the host's C compiler ({@code cc}, Debian/Ubuntu package {@code gcc})
 * into {@code STATE/lib}, and rebuilt when the source changes.
 */
public final class MlockPreload {

    private static final String SOURCE = "asios-mlockall.c";
    private static final String LIBRARY = "libasios-mlockall.so";

    private MlockPreload() {
    }

    /**
     * The library's path, built if needed.
     *
     * @throws LaunchException if there is no C compiler or it fails (with its output)
     */
    public static Path library(Path stateDir) throws LaunchException {
        Path dir = stateDir.resolve("lib");
        Path source = dir.resolve(SOURCE);
        Path library = dir.resolve(LIBRARY);
        try (InputStream in = MlockPreload.class.getResourceAsStream(SOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (Files.isRegularFile(library) && Files.isRegularFile(source) && Files.readString(source).equals(text)) {
                return library;
            }
            Files.createDirectories(dir);
            Files.writeString(source, text);
            compile(source, library);
            return library;
        } catch (IOException e) {
            throw new LaunchException("--mlock: cannot build " + library + ": " + e.getMessage(), e);
        }
    }

    private static void compile(Path source, Path library) throws IOException, LaunchException {
        if (CommandResolver.resolve("cc", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")).isEmpty()) {
            throw new LaunchException("--mlock needs a C compiler once, to build " + library + ": install it (apt install gcc) or run without --mlock");
        }
        Path partial = library.resolveSibling(LIBRARY + ".new");
        try {
            BoundedCommand.run(List.of("cc", "-shared", "-fPIC", "-O2", "-o", partial.toString(), source.toString()), Duration.ofSeconds(60));
        } catch (CommandFailure e) {
            throw new LaunchException("--mlock: cannot build " + library + ": " + e.getMessage());
        }
        Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
