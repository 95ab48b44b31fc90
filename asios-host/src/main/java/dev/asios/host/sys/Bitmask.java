package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.asios.host.parse.CpuSet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.stream.IntStream;

/**
 * The kernel's bitmaps of CPUs and NUMA nodes ({@code cpu_set_t}, {@code nodemask}): arrays of
 * {@code unsigned long}, bit {@code n} in word {@code n / 64} at position {@code n % 64}.
 */
final class Bitmask {

    private Bitmask() {
    }

    /** A zeroed bitmap of at least {@code bits} bits, a whole number of 64-bit words, at least one. */
    static MemorySegment allocate(Arena arena, int bits) {
        return arena.allocate(JAVA_LONG, Math.max(1, (bits + 63) / 64));
    }

    /** A bitmap just large enough for the members of {@code set}, holding them. */
    static MemorySegment of(Arena arena, CpuSet set) {
        int highest = set.isEmpty() ? 0 : set.stream().max().getAsInt();
        MemorySegment mask = allocate(arena, highest + 1);
        set.stream().forEach(n -> {
            long index = n / 64;
            mask.setAtIndex(JAVA_LONG, index, mask.getAtIndex(JAVA_LONG, index) | 1L << (n % 64));
        });
        return mask;
    }

    /** The members of a bitmap. */
    static CpuSet read(MemorySegment mask) {
        long words = mask.byteSize() / Long.BYTES;
        IntStream.Builder members = IntStream.builder();
        for (long w = 0; w < words; w++) {
            long word = mask.getAtIndex(JAVA_LONG, w);
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                members.add((int) (w * 64 + bit));
                word &= word - 1;
            }
        }
        return CpuSet.of(members.build());
    }

    /** The number of bits of a bitmap. */
    static int bits(MemorySegment mask) {
        return (int) (mask.byteSize() * 8);
    }
}
