package dev.asios.host.pci;

/**
 * Writes PCI configuration spaces for tests: a header, a standard capability list with a PCI
 * Express capability, and extended capabilities with an ACS capability.
 */
public final class ConfigSpaceBuilder {

    private final byte[] bytes;

    public ConfigSpaceBuilder(int size) {
        bytes = new byte[size];
    }

    public ConfigSpaceBuilder headerType(int type) {
        bytes[0x0e] = (byte) type;
        return this;
    }

    /** A capability list holding one power-management capability at 0x40, then PCI Express at 0x60. */
    public ConfigSpaceBuilder pciExpress(int portTypeCode) {
        bytes[0x06] = 0x10;
        bytes[0x34] = 0x40;
        bytes[0x40] = 0x01;
        bytes[0x41] = 0x60;
        bytes[0x60] = 0x10;
        bytes[0x61] = 0x00;
        bytes[0x62] = (byte) (portTypeCode << 4 | 0x2);
        return this;
    }

    /** An extended capability header at {@code offset}. */
    public ConfigSpaceBuilder extended(int offset, int id, int next) {
        return int32(offset, id | 1 << 16 | next << 20);
    }

    /** ACS at {@code offset} with its capability and control registers, ending the list. */
    public ConfigSpaceBuilder acs(int offset, int capabilityBits, int controlBits) {
        extended(offset, 0x000d, 0);
        return int32(offset + 4, capabilityBits | controlBits << 16);
    }

    public ConfigSpaceBuilder int32(int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    public ConfigSpaceBuilder set(int offset, int value) {
        bytes[offset] = (byte) value;
        return this;
    }

    public byte[] build() {
        return bytes.clone();
    }
}
