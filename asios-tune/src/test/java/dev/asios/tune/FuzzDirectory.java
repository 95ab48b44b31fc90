package dev.asios.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary folder for the files a fuzz test writes on every run, removed at exit once empty. */
public final class FuzzDirectory {

    private FuzzDirectory() {
    }

    /** A new folder whose name starts with {@code prefix}. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
