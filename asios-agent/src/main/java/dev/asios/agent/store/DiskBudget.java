package dev.asios.agent.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes the store's files may take now: the size cap, or less when the file system has
 * less room than its reserve of free space allows. Reads the file sizes and the file system's
 * free space on every call (a few system calls, no I/O). Thread-safe.
 */
final class DiskBudget {

    /** The least growth the store may have between two maintenance calls before recording stops. */
    static final long MIN_HEADROOM_BYTES = 4L << 20;

    private final Path file;
    private final Path wal;
    private final FileStore fileStore;
    private final StoreSettings settings;

    DiskBudget(Path file, StoreSettings settings) throws IOException {
        this.file = file;
        this.wal = file.resolveSibling(file.getFileName() + "-wal");
        this.fileStore = Files.getFileStore(file);
        this.settings = settings;
    }

    /** The bytes the database and its write-ahead log take now. */
    long fileBytes() throws IOException {
        return sizeOrZero(file) + sizeOrZero(wal);
    }

    /** The most bytes the files may take now, never negative. */
    long budgetBytes() throws IOException {
        long room = fileBytes() + fileStore.getUsableSpace() - settings.reserveBytes(fileStore.getTotalSpace());
        return Math.max(0, Math.min(settings.maxBytes(), room));
    }

    /**
     * Whether a round may be written: the files are within their budget plus a headroom for the
     * growth until the next maintenance, and the file system has more free space than its reserve.
     */
    boolean allowsRecording() throws IOException {
        long budget = budgetBytes();
        return fileStore.getUsableSpace() > settings.reserveBytes(fileStore.getTotalSpace())
                && fileBytes() <= budget + Math.max(MIN_HEADROOM_BYTES, budget / 10);
    }

    private static long sizeOrZero(Path path) throws IOException {
        return Files.exists(path) ? Files.size(path) : 0;
    }
}
