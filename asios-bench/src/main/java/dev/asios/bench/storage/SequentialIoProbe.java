package dev.asios.bench.storage;

import dev.asios.bench.BenchException;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sys.PageCache;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * ASIOS's storage probe: sequential {@code O_DIRECT} write and read of the test file by several
 * threads (see {@link StorageSettings} for the regions and queue depth), and a model load, a
 * buffered read of the whole file into memory from a cold page cache, as a checkpoint load does.
 * Results are in GB/s (10^9 bytes per second). Writes overwrite the file's contents with
 * pseudo-random bytes; nothing else is touched. Stateless apart from its settings; one pass at a
 * time per test file.
 */
public final class SequentialIoProbe {

    /** The most memory a model load fills; a bigger file is read into it again from the start. */
    static final long MAX_LOAD_BUFFER_BYTES = 1L << 30;

    private final StorageSettings settings;

    /** A probe with {@code settings}. */
    public SequentialIoProbe(StorageSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the whole file once, unmeasured, so that every measured write (the probe's and fio's)
     * overwrites allocated blocks instead of growing the file.
     *
     * @throws BenchException as {@link #writeGBps(TestFile)}
     */
    public void layOut(TestFile file) throws BenchException {
        DirectIo.run(file, settings, DirectIo.Pass.WRITE);
    }

    /**
     * Writes the whole file with {@code O_DIRECT}, then {@code fsync}s it, and returns GB/s.
     *
     * @throws BenchException naming {@code --dir} if the file system refuses {@code O_DIRECT} or the write fails
     */
    public double writeGBps(TestFile file) throws BenchException {
        return gigabytesPerSecond(DirectIo.run(file, settings, DirectIo.Pass.WRITE));
    }

    /**
     * Reads the whole (laid out) file with {@code O_DIRECT} and returns GB/s.
     *
     * @throws BenchException naming {@code --dir} if the file system refuses {@code O_DIRECT} or the read fails
     */
    public double readGBps(TestFile file) throws BenchException {
        return gigabytesPerSecond(DirectIo.run(file, settings, DirectIo.Pass.READ));
    }

    /**
     * Drops the file's pages from the page cache, then reads it on one thread with buffered
     * (cached) reads of one block each into memory allocated and touched beforehand, and returns GB/s.
     *
     * @throws BenchException naming {@code --dir} if the pages cannot be dropped or the read fails
     */
    public double loadGBps(TestFile file) throws BenchException {
        long memoryBytes = Math.min(settings.sizeBytes(), MAX_LOAD_BUFFER_BYTES);
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            MemorySegment memory = arena.allocate(memoryBytes, 4096);
            PageCache.evict(file.path());
            long start = System.nanoTime();
            for (long done = 0; done < settings.sizeBytes(); done += settings.blockBytes()) {
                ByteBuffer buffer = memory.asSlice(done % memoryBytes, settings.blockBytes()).asByteBuffer();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new IOException("the file ends before its " + settings.sizeBytes() + " bytes");
                    }
                }
            }
            return gigabytesPerSecond(System.nanoTime() - start);
        } catch (NativeException e) {
            throw new BenchException("--dir " + file.path().getParent() + ": cannot drop the test file from the page cache: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BenchException("--dir " + file.path().getParent() + ": the model load of " + file.path() + " failed: " + e, e);
        }
    }

    /** How the probe measures, for a report: sizes, threads, block size, alignment and file system. */
    public String method(TestFile file) throws BenchException {
        return String.format(Locale.ROOT,
                "%d MiB file %s on %s; %d threads each on its own %d MiB region, %d KiB blocks, one request outstanding per thread,"
                        + " O_DIRECT with buffers aligned to %d bytes; write timed with its fsync; model load: page cache dropped"
                        + " (posix_fadvise DONTNEED), one thread, buffered %d KiB reads into memory",
                settings.sizeBytes() >> 20, file.path(), file.fileSystem(), settings.threads(), settings.regionBytes() >> 20,
                settings.blockBytes() >> 10, file.blockSizeBytes(), settings.blockBytes() >> 10);
    }

    private double gigabytesPerSecond(long nanos) {
        return (double) settings.sizeBytes() / Math.max(1, nanos);
    }
}
