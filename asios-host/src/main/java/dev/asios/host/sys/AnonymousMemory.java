package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Private anonymous memory straight from {@code mmap(2)}, with {@code madvise(2)} advice on it.
 *
 * <p>Unlike {@link Arena#allocate(long, long)}, which zeroes the memory and so faults every page
 * in on the allocating thread, a mapping made here is untouched: each page is faulted in, zeroed by
 * the kernel, by the first thread that writes it, and lands on that thread's NUMA node under the
 * default memory policy. Stateless and thread-safe.
 */
public final class AnonymousMemory {

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    // MAP_PRIVATE | MAP_ANONYMOUS, the same on x86_64, arm64 and riscv64.
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_HUGEPAGE = 14;

    // void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset): the pointer as a 64-bit integer,
    // so MAP_FAILED is -1.
    private static final NativeCall MMAP = Libc.function("mmap", JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final NativeCall MUNMAP = Libc.function("munmap", JAVA_INT, JAVA_LONG, JAVA_LONG);
    private static final NativeCall MADVISE = Libc.function("madvise", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final NativeCall GETPAGESIZE = Libc.function("getpagesize", JAVA_INT);

    private AnonymousMemory() {
    }

    /**
     * Maps {@code byteSize} bytes of private anonymous memory whose address is a multiple of
     * {@code alignmentBytes}, unmapped when {@code arena} closes. The memory reads as zeros.
     *
     * @param arena the arena whose closing unmaps the memory; a shared arena lets any thread use it
     * @param byteSize the size in bytes, at least 1
     * @param alignmentBytes the alignment in bytes, a power of two; below the page size the page
     *     size is used ({@code 2 << 20} lets a 2 MiB transparent huge page back the start)
     * @throws IllegalArgumentException if {@code byteSize} is not positive or the alignment is not a power of two
     * @throws NativeException {@code ENOMEM} if the address space or the overcommit limit is exhausted
     */
    @SuppressWarnings("restricted")
    public static MemorySegment map(Arena arena, long byteSize, long alignmentBytes) throws NativeException {
        if (byteSize <= 0) {
            throw new IllegalArgumentException("a mapping needs at least 1 byte, not " + byteSize);
        }
        if (alignmentBytes <= 0 || Long.bitCount(alignmentBytes) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, not " + alignmentBytes);
        }
        long alignment = Math.max(alignmentBytes, GETPAGESIZE.invoke());
        long length = Math.ceilDiv(byteSize, alignment) * alignment;
        String context = "of " + byteSize + " bytes aligned to " + alignment;
        long raw = MMAP.invokeFor(context, MemorySegment.NULL, length + alignment, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
        long aligned = Math.ceilDiv(raw, alignment) * alignment;
        // The head before the aligned start and the tail after its length go back at once.
        if (aligned > raw) {
            MUNMAP.invokeFor(context, raw, aligned - raw);
        }
        MUNMAP.invokeFor(context, aligned + length, raw + alignment - aligned);
        return MemorySegment.ofAddress(aligned).reinterpret(byteSize, arena, segment -> unmap(aligned, length));
    }

    /**
     * Asks the kernel to back {@code segment} with transparent huge pages ({@code MADV_HUGEPAGE}),
     * which it does where the range covers whole huge pages and the system's THP mode is
     * {@code always} or {@code madvise}. Call it before the memory is first touched.
     *
     * @param segment memory made by {@link #map}; its start must be page-aligned
     * @throws NativeException {@code EINVAL} on a kernel without transparent huge pages or a misaligned start
     */
    public static void adviseHugePages(MemorySegment segment) throws NativeException {
        MADVISE.invokeFor("MADV_HUGEPAGE on " + segment.byteSize() + " bytes", segment, segment.byteSize(), MADV_HUGEPAGE);
    }

    private static void unmap(long address, long length) {
        try {
            MUNMAP.invoke(address, length);
        } catch (NativeException e) {
            // The range was mapped by map() and only this cleanup unmaps it: munmap cannot refuse it.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
