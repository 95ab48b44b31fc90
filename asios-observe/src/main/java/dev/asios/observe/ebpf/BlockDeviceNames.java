package dev.asios.observe.ebpf;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the block devices of bpftrace's {@code args.dev}: the kernel's {@code dev_t}, major
 * number shifted left by 20 bits and or-ed with the minor, matched against the
 * {@code MAJOR:MINOR} of {@code /sys/block/NAME/dev}. An unknown number re-reads
 * {@code /sys/block} (a device that appeared), at most once per {@link #REFRESH_NANOS}; until it
 * is known, it is named {@code MAJOR:MINOR}. Not thread-safe: the probe's reader thread only.
 */
final class BlockDeviceNames {

    /** The shortest time between two reads of {@code /sys/block}: ten seconds. */
    static final long REFRESH_NANOS = 10_000_000_000L;

    private static final int MINOR_BITS = 20;
    private static final long MINOR_MASK = (1L << MINOR_BITS) - 1;

    private final Sysroot sysroot;
    private final Map<Long, String> names = new HashMap<>();
    private long readAt;
    private boolean read;

    BlockDeviceNames(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /** The device name of a map key: a {@code dev_t} in decimal; any other key is returned as it is. */
    String name(String key) {
        long dev;
        try {
            dev = Long.parseLong(key);
        } catch (NumberFormatException e) {
            return key;
        }
        String name = names.get(dev);
        if (name == null && (!read || System.nanoTime() - readAt >= REFRESH_NANOS)) {
            refresh();
            name = names.get(dev);
        }
        return name != null ? name : (dev >>> MINOR_BITS) + ":" + (dev & MINOR_MASK);
    }

    private void refresh() {
        read = true;
        readAt = System.nanoTime();
        names.clear();
        for (String device : sysroot.list("/sys/block")) {
            sysroot.readTrimmed("/sys/block/" + device + "/dev").ifPresent(text -> {
                try {
                    names.put(devNumber(text), device);
                } catch (ParseException e) {
                    sysroot.diagnostics().warn("/sys/block/" + device + "/dev", e.getMessage());
                }
            });
        }
    }

    // Format of /sys/block/NAME/dev: "254:0"
    /**
     * The kernel's {@code dev_t} of a {@code MAJOR:MINOR} text.
     *
     * @throws ParseException if the text is not two decimal numbers joined by a colon, the major
     *     within 12 bits and the minor within 20
     */
    static long devNumber(String text) {
        int colon = text.indexOf(':');
        try {
            long major = Long.parseLong(text.substring(0, Math.max(colon, 0)));
            long minor = Long.parseLong(text.substring(colon + 1));
            if (colon > 0 && major >= 0 && major < 1 << 12 && minor >= 0 && minor <= MINOR_MASK) {
                return major << MINOR_BITS | minor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParseException("expected MAJOR:MINOR, found '" + text + "'");
    }
}
