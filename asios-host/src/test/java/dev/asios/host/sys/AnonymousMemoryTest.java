package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Anonymous mappings on the real host: aligned, zeroed, writable, advised, and gone when their arena closes. */
class AnonymousMemoryTest {

    private static final long TWO_MIB = 2L << 20;

    @Test
    void aMappingIsAlignedZeroedWritableAndUnmappedWithItsArena() throws Exception {
        long address;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment = AnonymousMemory.map(arena, 3 * (1L << 20) + 8, TWO_MIB);
            address = segment.address();
            assertThat(address % TWO_MIB).isZero();
            assertThat(segment.byteSize()).isEqualTo(3 * (1L << 20) + 8);
            long last = segment.byteSize() / Double.BYTES - 1;
            assertThat(segment.getAtIndex(JAVA_DOUBLE, last)).isZero();
            segment.setAtIndex(JAVA_DOUBLE, last, 7.5);
            assertThat(segment.getAtIndex(JAVA_DOUBLE, last)).isEqualTo(7.5);
            assertThat(mapped(address)).isTrue();
        }
        assertThat(mapped(address)).isFalse();
    }

    @Test
    void hugePageAdviceIsAcceptedBeforeFirstTouch() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment = AnonymousMemory.map(arena, 2 * TWO_MIB, TWO_MIB);
            AnonymousMemory.adviseHugePages(segment);
            segment.fill((byte) 1);
            assertThat(segment.get(JAVA_DOUBLE.withByteAlignment(1), segment.byteSize() - Double.BYTES)).isNotZero();
        }
    }

    @Test
    void aSmallAlignmentIsRaisedToThePageSize() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            assertThat(AnonymousMemory.map(arena, 1, 1).address() % 4096).isZero();
        }
    }

    @Test
    void badSizesAndAlignmentsAreRefused() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> AnonymousMemory.map(arena, 0, TWO_MIB)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a mapping needs at least 1 byte, not 0");
            assertThatThrownBy(() -> AnonymousMemory.map(arena, 4096, 3000)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alignment must be a power of two, not 3000");
        }
    }

    @Test
    void aMappingLargerThanTheAddressSpaceIsEnomem() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> AnonymousMemory.map(arena, 1L << 62, TWO_MIB)).isInstanceOf(NativeException.class)
                    .hasMessageContaining("mmap of " + (1L << 62) + " bytes").hasMessageContaining("ENOMEM");
        }
    }

    /** Whether a line of this process's {@code /proc/self/maps} ("START-END PERMS ...", hex) covers {@code address}. */
    private static boolean mapped(long address) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(line -> {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            return Long.compareUnsigned(Long.parseUnsignedLong(range[0], 16), address) <= 0
                    && Long.compareUnsigned(address, Long.parseUnsignedLong(range[1], 16)) < 0;
        });
    }
}
