package dev.asios.bench.storage;

import dev.asios.bench.BenchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one file a storage benchmark reads and writes: made new (never an existing file) in the
 * settings' directory, and deleted by {@link #close()} or, if the JVM exits first (Ctrl-C), by a
 * shutdown hook. Nothing else in the directory is touched. Not thread-safe: one owner creates and
 * closes it; threads may do I/O on {@link #path()} in between.
 */
public final class TestFile implements AutoCloseable {

    private final Path path;
    private final FileStore store;
    private final Thread deleteOnExit;

    private TestFile(Path path, FileStore store) {
        this.path = path;
        this.store = store;
        this.deleteOnExit = Thread.ofPlatform().name("asios-storage-cleanup").unstarted(this::deleteQuietly);
    }

    /**
     * Checks the directory and makes an empty test file in it.
     *
     * @throws BenchException naming {@code --dir} if the directory is missing, not a directory, on a
     *     read-only or pseudo file system (procfs, sysfs), not writable, or refuses a new file;
     *     naming {@code --size} if the file system has less than twice the size free
     */
    public static TestFile create(StorageSettings settings) throws BenchException {
        Path dir = settings.directory();
        if (!Files.isDirectory(dir)) {
            throw new BenchException("--dir " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        FileStore store;
        try {
            store = Files.getFileStore(dir);
            if (store.isReadOnly()) {
                throw new BenchException("--dir " + dir + " is on a read-only file system (" + store.type() + " " + store.name() + ")");
            }
            if (store.getTotalSpace() == 0) {
                throw new BenchException("--dir " + dir + " is on a " + store.type() + " file system, which has no storage to measure");
            }
            if (!Files.isWritable(dir)) {
                throw new BenchException("--dir " + dir + " is not writable by this user");
            }
            long free = store.getUsableSpace();
            if (free < 2 * settings.sizeBytes()) {
                throw new BenchException("--size " + settings.sizeBytes() + " needs twice as many bytes free in --dir " + dir + ", which has "
                        + free + "; give a smaller --size or another --dir");
            }
        } catch (IOException e) {
            throw new BenchException("--dir " + dir + ": cannot read its file system: " + e.getMessage(), e);
        }
        TestFile file;
        try {
            file = new TestFile(Files.createTempFile(dir, "asios-storage-", ".bench"), store);
        } catch (IOException | UnsupportedOperationException e) {
            throw new BenchException("--dir " + dir + " refuses a new file: " + e, e);
        }
        try {
            Runtime.getRuntime().addShutdownHook(file.deleteOnExit);
            return file;
        } catch (IllegalStateException shuttingDown) {
            file.deleteQuietly();
            throw new BenchException("the JVM is shutting down; no storage test file is left in --dir " + dir, shuttingDown);
        }
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The file system's block size in bytes: the alignment of O_DIRECT buffers, offsets and lengths. */
    public int blockSizeBytes() throws BenchException {
        try {
            return Math.toIntExact(Math.max(4096, store.getBlockSize()));
        } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
            throw new BenchException("--dir " + path.getParent() + ": the file system's block size is unknown: " + e, e);
        }
    }

    /** The file system's type and device, for example {@code ext4 /dev/vda}. */
    public String fileSystem() {
        return store.type() + " " + store.name();
    }

    /**
     * Deletes the file and drops the shutdown hook.
     *
     * @throws UncheckedIOException if the file exists and cannot be deleted
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the storage test file " + path, e);
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("asios: cannot delete the storage test file " + path + ": " + e.getMessage());
        }
    }
}
