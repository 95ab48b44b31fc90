package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * posix_fadvise on files in a temporary folder. Whether the pages really left the cache is checked
 * with util-linux's {@code fincore} where it is installed and the folder is on a file system with
 * a backing device (on tmpfs the cache is the storage, and nothing can be dropped).
 */
class PageCacheTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenFileLeavesTheCache() throws Exception {
        Path file = dir.resolve("data");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < 4; i++) {
                channel.write(block.clear());
            }
            channel.force(true);
        }
        PageCache.evict(file);
        assumeTrue(!Files.getFileStore(dir).type().equals("tmpfs"), "tmpfs keeps its pages");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fincore")), "fincore is not installed");
        assertThat(residentBytes(file)).isZero();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> PageCache.evict(missing)).isInstanceOf(NativeException.class)
                .hasMessage("open for " + missing + ": No such file or directory (ENOENT)");
    }

    @Test
    void aFifoHasNoPageCache() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeTrue(mkfifo.exitValue() == 0, "mkfifo failed");
        assertThatThrownBy(() -> PageCache.evict(fifo)).isInstanceOf(NativeException.class)
                .hasMessage("posix_fadvise for " + fifo + ": Illegal seek (ESPIPE)")
                .satisfies(e -> assertThat(((NativeException) e).errno()).isEqualTo(29));
    }

    private static long residentBytes(Path file) throws IOException, InterruptedException {
        Process fincore = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString()).start();
        String output = new String(fincore.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(fincore.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return Long.parseLong(output);
    }
}
