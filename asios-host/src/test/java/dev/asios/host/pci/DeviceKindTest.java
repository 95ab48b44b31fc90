package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceKindTest {

    @ParameterizedTest(name = "class {0} vendor {1} is {2}")
    @CsvSource({
        "0x030200, 0x10de, GPU",
        "0x030000, 0x10de, GPU",
        "0x038000, 0x1002, GPU",
        "0x030000, 0x8086, GPU",
        "0x030200, 0x1234, GPU",
        "0x030000, 0x102b, OTHER",
        "0x030000, -1, OTHER",
        "0x120000, 0x1da3, ACCELERATOR",
        "0x0b4000, 0x1234, ACCELERATOR",
        "0x0b2000, 0x1014, OTHER",
        "0x020000, 0x15b3, NIC",
        "0x020700, 0x15b3, NIC",
        "0x0c0600, 0x1077, NIC",
        "0x0c0300, 0x8086, OTHER",
        "0x010802, 0x144d, NVME",
        "0x010601, 0x8086, STORAGE",
        "0x010400, 0x1000, STORAGE",
        "0x060400, 0x10b5, BRIDGE",
        "0x060000, 0x8086, BRIDGE",
        "0x068000, 0x10de, BRIDGE",
        "0x088000, 0x8086, OTHER",
        "-1, 0x10de, OTHER"})
    void classifiesByClassAndVendor(int classCode, int vendorId, DeviceKind kind) {
        assertThat(DeviceKind.of(optional(classCode), optional(vendorId))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "class {0} is named {1}")
    @CsvSource({
        "0x030200, 3D controller",
        "0x010802, Non-Volatile memory controller",
        "0x060401, PCI bridge",
        "0x020700, InfiniBand controller",
        "0x028000, Network controller",
        "0x120000, Processing accelerator",
        "0x4a0000, Unassigned class",
        "-1, Unknown class"})
    void namesClasses(int classCode, String name) {
        assertThat(PciClassNames.name(optional(classCode))).isEqualTo(name);
    }

    private static OptionalInt optional(int value) {
        return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
