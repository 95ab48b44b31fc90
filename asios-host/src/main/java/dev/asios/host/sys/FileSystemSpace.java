package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * The space and inodes of a mounted file system, from {@code statvfs(3)}. Immutable; the factory
 * is stateless and thread-safe, but the call blocks for as long as the file system takes to answer
 * (a network file system whose server is gone can block for ever: call it where a stuck thread
 * does no harm).
 *
 * @param sizeBytes the file system's data blocks, in bytes
 * @param freeBytes the free blocks, in bytes, those kept for root included
 * @param availableBytes the free blocks an unprivileged user may fill, in bytes
 * @param files the inodes
 * @param filesFree the free inodes
 * @param readOnly whether it is mounted read-only
 */
public record FileSystemSpace(long sizeBytes, long freeBytes, long availableBytes, long files, long filesFree, boolean readOnly) {

    // struct statvfs on 64-bit glibc and musl: unsigned long f_bsize, f_frsize; then f_blocks,
    // f_bfree, f_bavail, f_files, f_ffree, f_favail (64 bits each); unsigned long f_fsid, f_flag,
    // f_namemax; then spare ints. Sizes count in units of f_frsize.
    private static final long FRSIZE = 8;
    private static final long BLOCKS = 16;
    private static final long BFREE = 24;
    private static final long BAVAIL = 32;
    private static final long FILES = 40;
    private static final long FFREE = 48;
    private static final long FLAG = 72;
    private static final long BUFFER_BYTES = 256;
    private static final long ST_RDONLY = 1;

    private static final NativeCall STATVFS = Libc.function("statvfs", JAVA_INT, ADDRESS, ADDRESS);

    /**
     * The file system that holds {@code path}.
     *
     * @throws NativeException {@code ENOENT} if the path does not exist, {@code EACCES} if it
     *     cannot be reached, {@code EIO} and others as the file system answers
     * @throws UnsupportedOperationException on a 32-bit JVM, whose layout of the structure differs
     */
    public static FileSystemSpace of(Path path) throws NativeException {
        if (ADDRESS.byteSize() != 8) {
            throw new UnsupportedOperationException("file system space is read on 64-bit Linux only");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(BUFFER_BYTES, 8);
            STATVFS.invokeFor("for " + path, arena.allocateFrom(path.toString()), buffer);
            long unit = buffer.get(JAVA_LONG, FRSIZE);
            return new FileSystemSpace(buffer.get(JAVA_LONG, BLOCKS) * unit, buffer.get(JAVA_LONG, BFREE) * unit, buffer.get(JAVA_LONG, BAVAIL) * unit,
                    buffer.get(JAVA_LONG, FILES), buffer.get(JAVA_LONG, FFREE), (buffer.get(JAVA_LONG, FLAG) & ST_RDONLY) != 0);
        }
    }

    /** The bytes in use: the size less what is free, blocks kept for root counted as free. */
    public long usedBytes() {
        return sizeBytes - freeBytes;
    }
}
