package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address of one PCI function, as the kernel names it in sysfs: {@code 0000:3b:00.0} is
 * domain {@code 0000}, bus {@code 3b}, device {@code 00}, function {@code 0}. Domains wider than 16
 * bits exist (Intel VMD puts its NVMe drives in domain {@code 10000}); they are kept whole.
 * Immutable; ordered by domain, bus, device, function.
 *
 * @param domain the PCI segment, 0 to {@link Integer#MAX_VALUE}
 * @param bus the bus number, 0 to 255
 * @param device the device number on the bus, 0 to 31
 * @param function the function number, 0 to 7
 */
public record PciAddress(int domain, int bus, int device, int function) implements Comparable<PciAddress> {

    private static final Comparator<PciAddress> ORDER = Comparator.comparingInt(PciAddress::domain)
            .thenComparingInt(PciAddress::bus)
            .thenComparingInt(PciAddress::device)
            .thenComparingInt(PciAddress::function);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a part is out of range
     */
    public PciAddress {
        if (domain < 0 || bus < 0 || bus > 0xff || device < 0 || device > 0x1f || function < 0 || function > 7) {
            throw new IllegalArgumentException("PCI address out of range: domain " + domain + ", bus " + bus
                    + ", device " + device + ", function " + function);
        }
    }

    // Format: "0000:3b:00.0" (domain of 4 to 8 hex digits, bus and device of 2, function of 1)
    /**
     * Parses a sysfs PCI function name; upper-case hex digits are accepted.
     *
     * @throws ParseException if the text is not such a name or a part is out of range
     */
    public static PciAddress parse(String text) {
        PciAddress address = decode(text.strip());
        if (address == null) {
            throw new ParseException("'" + PciAttributeParser.abbreviate(text) + "' is not a PCI address like 0000:3b:00.0");
        }
        return address;
    }

    /** The address a name stands for, or empty if the name is not a PCI function name. */
    public static Optional<PciAddress> find(String name) {
        return Optional.ofNullable(decode(name));
    }

    /**
     * The PCI functions named along a sysfs path, top first: for
     * {@code /sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0/nvme/nvme0} that is
     * {@code 0000:00:01.0, 0000:01:00.0}. Root bus names ({@code pci0000:00}) are not functions.
     */
    public static List<PciAddress> allIn(String hostPath) {
        List<PciAddress> found = new ArrayList<>();
        for (String component : hostPath.split("/")) {
            find(component).ifPresent(found::add);
        }
        return found;
    }

    /** The function nearest the end of a sysfs path: the one a device below it hangs off. */
    public static Optional<PciAddress> nearestIn(String hostPath) {
        List<PciAddress> all = allIn(hostPath);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    @Override
    public int compareTo(PciAddress other) {
        return ORDER.compare(this, other);
    }

    /** The kernel's name, for example {@code 0000:3b:00.0}. */
    @Override
    public String toString() {
        return String.format("%04x:%02x:%02x.%d", domain, bus, device, function);
    }

    private static PciAddress decode(String name) {
        int firstColon = name.indexOf(':');
        int secondColon = name.indexOf(':', firstColon + 1);
        int dot = name.indexOf('.', secondColon + 1);
        if (firstColon < 4 || firstColon > 8 || secondColon != firstColon + 3 || dot != secondColon + 3 || name.length() != dot + 2) {
            return null;
        }
        long domain = PciAttributeParser.hexValue(name.substring(0, firstColon));
        long bus = PciAttributeParser.hexValue(name.substring(firstColon + 1, secondColon));
        long device = PciAttributeParser.hexValue(name.substring(secondColon + 1, dot));
        char function = name.charAt(dot + 1);
        if (domain < 0 || domain > Integer.MAX_VALUE || bus < 0 || device < 0 || device > 0x1f || function < '0' || function > '7') {
            return null;
        }
        return new PciAddress((int) domain, (int) bus, (int) device, function - '0');
    }
}
