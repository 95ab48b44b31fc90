package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes the binary configuration space of a PCI function (the sysfs {@code config} file). The
 * kernel gives a reader without root only the first 64 bytes, so everything here may be unknown:
 * that is an empty result, never a guess. Pure functions; a corrupt capability list (a loop, a
 * pointer into the header, a reserved value) throws {@link ParseException}, never another
 * exception.
 */
public final class PciConfigSpace {

    private static final int HEADER_TYPE = 0x0e;
    private static final int STATUS = 0x06;
    private static final int STATUS_CAPABILITY_LIST = 0x10;
    private static final int CAPABILITY_POINTER = 0x34;
    private static final int HEADER_END = 0x40;
    private static final int CAPABILITY_ID_PCI_EXPRESS = 0x10;
    private static final int EXTENDED_START = 0x100;
    private static final int EXTENDED_CAPABILITY_ID_ACS = 0x000d;
    private static final int ACS_CONTROL_END = 8;

    private PciConfigSpace() {
    }

    // Format: byte 0x0e = header type (bits 6:0; 0 endpoint, 1 PCI-to-PCI bridge, 2 CardBus; bit 7 multi-function)
    /** The header layout, or empty when fewer than 15 bytes were read. */
    public static OptionalInt headerType(byte[] config) {
        return config.length > HEADER_TYPE ? OptionalInt.of(config[HEADER_TYPE] & 0x7f) : OptionalInt.empty();
    }

    // Format: status bit 4 at 0x06 says a list exists; 0x34 points to it; each entry: id byte, next-pointer byte, data
    /**
     * The PCI Express port type from the PCI Express capability (id 0x10) in the standard list;
     * empty when the list is not readable in {@code config} or the function is not PCI Express.
     *
     * @throws ParseException if the list loops, points into the header or holds a reserved type
     */
    public static Optional<PciePortType> portType(byte[] config) {
        if (config.length < HEADER_END || (config[STATUS] & STATUS_CAPABILITY_LIST) == 0) {
            return Optional.empty();
        }
        boolean[] visited = new boolean[256];
        int offset = config[CAPABILITY_POINTER] & 0xfc;
        while (offset != 0) {
            if (offset < HEADER_END) {
                throw new ParseException("capability pointer 0x" + Integer.toHexString(offset) + " points into the header");
            }
            if (visited[offset]) {
                throw new ParseException("capability list loops back to 0x" + Integer.toHexString(offset));
            }
            visited[offset] = true;
            if (offset + 4 > config.length) {
                return Optional.empty();
            }
            int id = config[offset] & 0xff;
            if (id == 0xff) {
                return Optional.empty();
            }
            if (id == CAPABILITY_ID_PCI_EXPRESS) {
                return Optional.of(PciePortType.ofCode((config[offset + 2] >> 4) & 0x0f));
            }
            offset = config[offset + 1] & 0xfc;
        }
        return Optional.empty();
    }

    // Format: from 0x100, 32-bit little-endian headers: bits 15:0 capability id, 19:16 version, 31:20 next offset
    /**
     * The Access Control Services of the function from its PCI Express extended capabilities:
     * {@link AcsState#ABSENT} when the list has no ACS capability; empty (unknown) when the
     * extended space was not read (fewer than 0x104 bytes, the usual case without root), when the
     * function did not answer (all ones), or when the read stops before the ACS registers.
     *
     * @throws ParseException if the list loops or points below 0x100
     */
    public static Optional<AcsState> acs(byte[] config) {
        if (config.length < EXTENDED_START + 4) {
            return Optional.empty();
        }
        boolean[] visited = new boolean[config.length / 4];
        int offset = EXTENDED_START;
        visited[offset / 4] = true;
        while (true) {
            int header = int32(config, offset);
            if (header == 0) {
                return Optional.of(AcsState.ABSENT);
            }
            if (header == -1) {
                return Optional.empty();
            }
            if ((header & 0xffff) == EXTENDED_CAPABILITY_ID_ACS) {
                return acsAt(config, offset);
            }
            int next = (header >>> 20) & 0xffc;
            if (next == 0) {
                return Optional.of(AcsState.ABSENT);
            }
            if (next < EXTENDED_START) {
                throw new ParseException("extended capability at 0x" + Integer.toHexString(offset)
                        + " points to 0x" + Integer.toHexString(next) + ", below 0x100");
            }
            if (next + 4 > config.length) {
                return Optional.empty();
            }
            if (visited[next / 4]) {
                throw new ParseException("extended capability list loops back to 0x" + Integer.toHexString(next));
            }
            visited[next / 4] = true;
            offset = next;
        }
    }

    private static Optional<AcsState> acsAt(byte[] config, int offset) {
        if (offset + ACS_CONTROL_END > config.length) {
            return Optional.empty();
        }
        int registers = int32(config, offset + 4);
        return Optional.of(new AcsState(true, registers & 0xffff, registers >>> 16));
    }

    private static int int32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
    }
}
