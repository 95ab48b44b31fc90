package dev.asios.run.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandResolverTest {

    @TempDir
    Path dir;

    @Test
    void findsAnExecutableInPathInOrder() throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        Files.writeString(first.resolve("tool"), "not executable");
        Path tool = Files.writeString(second.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(CommandResolver.resolve("tool", first + ":" + second)).contains(tool);
        assertThat(CommandResolver.resolve("missing", first + ":" + second)).isEmpty();
    }

    @Test
    void aNameWithASlashIsTakenAsAPath() {
        assertThat(CommandResolver.resolve("/bin/sh", "")).contains(Path.of("/bin/sh"));
        assertThat(CommandResolver.resolve("/nonexistent/sh", "/bin")).isEmpty();
        assertThat(CommandResolver.resolve("", "/bin")).isEmpty();
    }
}
