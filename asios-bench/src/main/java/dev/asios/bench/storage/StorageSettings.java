package dev.asios.bench.storage;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import java.nio.file.Path;

/**
 * What the storage probe and fio both run with: one test file of {@code sizeBytes} in
 * {@code directory}, cut into {@code threads} equal regions, each read or written in blocks of
 * {@code blockBytes} by its own thread with one request outstanding (queue depth {@code threads}).
 * Immutable.
 *
 * @param directory where the test file goes
 * @param sizeBytes the test file's size, a multiple of {@code threads * blockBytes}
 * @param threads how many threads (fio jobs), each with its own region
 * @param blockBytes the size of one request, a multiple of 4096
 */
public record StorageSettings(Path directory, long sizeBytes, int threads, int blockBytes) {

    /** The directory when {@code --dir} is not given: on disk (not tmpfs) on most distributions, and kept out of /tmp's cleaners' way for the run. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/var/tmp");

    /** The file size when {@code --size} is not given: 1 GiB. */
    public static final long DEFAULT_SIZE_BYTES = 1L << 30;

    /** Threads (fio jobs), each with one request outstanding. */
    public static final int DEFAULT_THREADS = 4;

    /** The request size: 1 MiB, as a checkpoint loader reads. */
    public static final int DEFAULT_BLOCK_BYTES = 1 << 20;

    /** The largest file: 1 TiB. */
    public static final long MAX_SIZE_BYTES = 1L << 40;

    /** Checks the parts that need no file system. */
    public StorageSettings {
        if (threads < 1 || blockBytes < 4096 || blockBytes % 4096 != 0) {
            throw new IllegalArgumentException("threads must be at least 1 and the block size a positive multiple of 4096, not "
                    + threads + " and " + blockBytes);
        }
        long unit = (long) threads * blockBytes;
        if (sizeBytes < unit || sizeBytes % unit != 0 || sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("size must be a multiple of " + unit + " bytes up to " + MAX_SIZE_BYTES + ", not " + sizeBytes);
        }
    }

    /**
     * The settings of {@code options}: {@code --dir} or {@link #DEFAULT_DIRECTORY}, {@code --size}
     * or {@link #DEFAULT_SIZE_BYTES}, with the default threads and block size. Only the size is
     * checked here; the directory is checked when the test file is made.
     *
     * @throws BenchException if the size is not a multiple of 4 MiB from 4 MiB to 1 TiB, naming {@code --size}
     */
    public static StorageSettings from(BenchOptions options) throws BenchException {
        long size = options.sizeBytes().orElse(DEFAULT_SIZE_BYTES);
        long unit = (long) DEFAULT_THREADS * DEFAULT_BLOCK_BYTES;
        if (size < unit || size % unit != 0 || size > MAX_SIZE_BYTES) {
            throw new BenchException("--size must be a multiple of " + unit / (1 << 20) + " MiB (" + DEFAULT_THREADS + " threads of "
                    + DEFAULT_BLOCK_BYTES / (1 << 20) + " MiB blocks) from " + unit + " to " + MAX_SIZE_BYTES + " bytes, not " + size);
        }
        Path directory = options.directory().orElse(DEFAULT_DIRECTORY).toAbsolutePath();
        return new StorageSettings(directory, size, DEFAULT_THREADS, DEFAULT_BLOCK_BYTES);
    }

    /** The bytes of one thread's region. */
    public long regionBytes() {
        return sizeBytes / threads;
    }
}
