package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSpaceTest {

    @TempDir
    Path dir;

    @Test
    void agreesWithTheJdksFileStore() throws Exception {
        FileStore store = Files.getFileStore(dir);
        FileSystemSpace space = FileSystemSpace.of(dir);
        assertThat(space.sizeBytes()).isEqualTo(store.getTotalSpace()).isPositive();
        // free space moves while other processes write: compare within 64 MiB
        assertThat(space.freeBytes()).isCloseTo(store.getUnallocatedSpace(), within(64L << 20));
        assertThat(space.availableBytes()).isCloseTo(store.getUsableSpace(), within(64L << 20));
        assertThat(space.availableBytes()).isLessThanOrEqualTo(space.freeBytes());
        assertThat(space.usedBytes()).isEqualTo(space.sizeBytes() - space.freeBytes());
        assertThat(space.files()).isGreaterThanOrEqualTo(space.filesFree());
        assertThat(space.readOnly()).isEqualTo(store.isReadOnly());
    }

    @Test
    void procHasNoBlocks() throws Exception {
        FileSystemSpace space = FileSystemSpace.of(Path.of("/proc"));
        assertThat(space.sizeBytes()).isZero();
    }

    @Test
    void aMissingPathNamesTheErrorAndThePath() {
        assertThatThrownBy(() -> FileSystemSpace.of(dir.resolve("absent")))
                .isInstanceOf(NativeException.class)
                .hasMessageContaining("statvfs").hasMessageContaining("absent")
                .satisfies(e -> assertThat(((NativeException) e).errno()).isEqualTo(2));
    }
}
