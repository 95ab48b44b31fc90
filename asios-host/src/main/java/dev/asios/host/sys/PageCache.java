package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Drops one file's pages from the kernel's page cache, through {@code posix_fadvise(2)} with
 * {@code POSIX_FADV_DONTNEED}: the next read of the file comes from the device, as a cold load
 * does. Unlike {@code /proc/sys/vm/drop_caches} it needs no privilege and touches no other file.
 *
 * <p>Only clean pages are dropped: pages written and not yet on the device stay cached, so a
 * caller that wrote the file flushes it ({@code fsync}) first. The advice is per file, not per
 * descriptor, so it reaches pages read through any descriptor. Stateless and thread-safe.
 */
public final class PageCache {

    // O_RDONLY is 0; the flag values below are those of x86_64 and asm-generic (aarch64, riscv64).
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final int POSIX_FADV_DONTNEED = 4;

    private static final NativeCall OPEN = Libc.variadicFunction("open", 2, JAVA_INT, ADDRESS, JAVA_INT);
    private static final NativeCall CLOSE = Libc.function("close", JAVA_INT, JAVA_INT);
    // posix_fadvise returns the error number instead of setting errno; -1 is never returned.
    private static final NativeCall FADVISE = Libc.function("posix_fadvise", JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);

    private PageCache() {
    }

    /**
     * Drops the clean cached pages of {@code file}, all of it. The file is opened read-only and
     * without blocking (so a FIFO does not wait for a writer), advised, and closed.
     *
     * @throws NativeException {@code ENOENT} or {@code EACCES} if the file cannot be opened,
     *     {@code ESPIPE} if it is a pipe or FIFO, which has no page cache
     */
    public static void evict(Path file) throws NativeException {
        String context = "for " + file;
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeFor(context, arena.allocateFrom(file.toString()), O_NONBLOCK | O_CLOEXEC);
            try {
                long error = FADVISE.invokeFor(context, fd, 0L, 0L, POSIX_FADV_DONTNEED);
                if (error != 0) {
                    throw Libc.failure("posix_fadvise", context, (int) error);
                }
            } finally {
                CLOSE.invokeFor(context, fd);
            }
        }
    }
}
