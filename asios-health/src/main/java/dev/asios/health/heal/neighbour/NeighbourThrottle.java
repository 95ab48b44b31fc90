package dev.asios.health.heal.neighbour;

import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.host.cgroup.CgroupValueParser;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.Controller;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The control-file writes that hold a noisy neighbour back, in two steps, read from the files as
 * they are now, so the step survives agent restarts and an operator's own settings count:
 * <ol>
 *   <li><b>weights</b>, while any is above its target: {@code cpu.weight} to the floor (v1
 *       {@code cpu.shares}, the floor scaled as the kernel does, 100 to 1024); {@code io.weight}
 *       and {@code io.bfq.weight} ({@code default N}) to the I/O floor (v1 {@code blkio.bfq.weight}
 *       and {@code blkio.weight}), each only where the file is there; and for memory pressure, a
 *       soft limit at the memory it holds now, rounded up to 64 KiB, where it has none: v2
 *       {@code memory.high} (over it the kernel reclaims the neighbour's pages and slows its
 *       allocations, and never kills it), v1 {@code memory.soft_limit_in_bytes} (under host
 *       pressure reclaim takes from cgroups over their soft limit first). No hard limit is set: a
 *       cap at the memory it holds would have the OOM killer end it.</li>
 *   <li><b>cap</b>, once the weights are at their targets and the pressure still holds: its CPU
 *       time capped to {@code cpu-max-percent} of one CPU per period ({@code cpu.max}, keeping its
 *       period; v1 {@code cpu.cfs_quota_us} against {@code cpu.cfs_period_us}), unless it is
 *       capped as low already.</li>
 * </ol>
 * A file that is missing or cannot be understood is left alone. Stateless.
 */
public final class NeighbourThrottle {

    /** The kernel's default {@code cpu.shares}, the v1 counterpart of {@code cpu.weight} 100. */
    static final long DEFAULT_SHARES = 1024;
    /** A soft limit is a multiple of this, so it reads back as written with any page size up to 64 KiB. */
    static final long LIMIT_ALIGN_BYTES = 64 * 1024;
    /** The tunable id of the changes in the journal. */
    static final String TUNABLE = "heal.neighbour";

    private NeighbourThrottle() {
    }

    /** The changes of the next step for {@code neighbour} under {@code throttle}; empty when it is capped already. */
    public static List<Change> nextStep(Sysroot sysroot, Neighbour neighbour, Throttle throttle) {
        List<Change> weights = weights(sysroot, neighbour, throttle);
        return weights.isEmpty() ? cap(sysroot, neighbour, throttle) : weights;
    }

    private static List<Change> weights(Sysroot sysroot, Neighbour neighbour, Throttle throttle) {
        List<Change> changes = new ArrayList<>();
        String why = "noisy neighbour under " + neighbour.resource().wireName() + " pressure (" + neighbour.evidence() + "): ";
        Optional.ofNullable(neighbour.controls().get(Controller.CPU)).ifPresent(cpu -> {
            if (cpu.version() == CgroupVersion.V2) {
                lower(sysroot, cpu.file("cpu.weight"), throttle.cpuWeightFloor(), why + "lowest CPU weight").ifPresent(changes::add);
            } else {
                long shares = Math.max(2, throttle.cpuWeightFloor() * DEFAULT_SHARES / 100);
                lower(sysroot, cpu.file("cpu.shares"), shares, why + "lowest CPU shares").ifPresent(changes::add);
            }
        });
        Optional.ofNullable(neighbour.controls().get(Controller.IO)).ifPresent(io -> {
            int floor = throttle.ioWeightFloor();
            if (io.version() == CgroupVersion.V2) {
                lowerDefault(sysroot, io.file("io.weight"), floor, why + "lowest I/O weight").ifPresent(changes::add);
                lowerDefault(sysroot, io.file("io.bfq.weight"), Math.min(floor, 1000), why + "lowest I/O weight").ifPresent(changes::add);
            } else {
                lower(sysroot, io.file("blkio.bfq.weight"), Math.min(floor, 1000), why + "lowest I/O weight").ifPresent(changes::add);
                lower(sysroot, io.file("blkio.weight"), Math.clamp(floor, 10, 1000), why + "lowest I/O weight").ifPresent(changes::add);
            }
        });
        if (neighbour.resource() == PressureResource.MEMORY) {
            Optional.ofNullable(neighbour.controls().get(Controller.MEMORY)).flatMap(memory -> softLimit(sysroot, memory, why)).ifPresent(changes::add);
        }
        return changes;
    }

    private static Optional<Change> softLimit(Sysroot sysroot, CgroupFolder memory, String why) {
        boolean v2 = memory.version() == CgroupVersion.V2;
        String limitFile = memory.file(v2 ? "memory.high" : "memory.soft_limit_in_bytes");
        OptionalLong limit = number(sysroot, limitFile, CgroupValueParser::limit);
        OptionalLong held = number(sysroot, memory.file(v2 ? "memory.current" : "memory.usage_in_bytes"), CgroupValueParser::count);
        if (limit.isEmpty() || held.isEmpty() || limit.getAsLong() != CgroupValueParser.UNLIMITED) {
            return Optional.empty();
        }
        long target = Math.max(LIMIT_ALIGN_BYTES, Math.ceilDiv(held.getAsLong(), LIMIT_ALIGN_BYTES) * LIMIT_ALIGN_BYTES);
        return Optional.of(new Change(TUNABLE, limitFile, ValueFormat.PLAIN, sysroot.readTrimmed(limitFile).orElseThrow(), Long.toString(target),
                why + "reclaim from it first, at the memory it holds"));
    }

    private static List<Change> cap(Sysroot sysroot, Neighbour neighbour, Throttle throttle) {
        CgroupFolder cpu = neighbour.controls().get(Controller.CPU);
        if (cpu == null) {
            return List.of();
        }
        String why = "noisy neighbour under " + neighbour.resource().wireName() + " pressure still, weights lowered already: cap its CPU time to "
                + throttle.cpuMaxPercent() + "% of one CPU";
        if (cpu.version() == CgroupVersion.V2) {
            Optional<String> now = sysroot.readTrimmed(cpu.file("cpu.max"));
            String[] fields = now.map(t -> t.split("\\s+")).orElse(new String[0]);
            if (fields.length != 2 || !isCount(fields[1]) || !fields[0].equals("max") && !isCount(fields[0])) {
                return List.of();
            }
            String line = throttle.cpuMaxLine(Long.parseLong(fields[1]));
            boolean capped = !fields[0].equals("max") && Long.parseLong(fields[0]) <= quota(line);
            return capped ? List.of() : List.of(new Change(TUNABLE, cpu.file("cpu.max"), ValueFormat.PLAIN, now.get(), line, why));
        }
        OptionalLong period = number(sysroot, cpu.file("cpu.cfs_period_us"), CgroupValueParser::count);
        Optional<String> quota = sysroot.readTrimmed(cpu.file("cpu.cfs_quota_us"));
        if (period.isEmpty() || quota.isEmpty() || !quota.get().equals("-1") && !isCount(quota.get())) {
            return List.of();
        }
        long wanted = quota(throttle.cpuMaxLine(period.getAsLong()));
        boolean capped = !quota.get().equals("-1") && Long.parseLong(quota.get()) <= wanted;
        return capped ? List.of() : List.of(new Change(TUNABLE, cpu.file("cpu.cfs_quota_us"), ValueFormat.PLAIN, quota.get(), Long.toString(wanted), why));
    }

    /** A write of {@code target} to a file of one number above it. */
    private static Optional<Change> lower(Sysroot sysroot, String file, long target, String why) {
        return number(sysroot, file, CgroupValueParser::count).stream().filter(now -> now > target).boxed().findFirst()
                .map(now -> new Change(TUNABLE, file, ValueFormat.PLAIN, Long.toString(now), Long.toString(target), why));
    }

    // Format of io.weight and io.bfq.weight: "default 100\n", then "8:0 200" per device given its own
    /** A write of {@code default target} to a weight file that has only a default above it; one with per-device weights is left alone. */
    private static Optional<Change> lowerDefault(Sysroot sysroot, String file, long target, String why) {
        Optional<String> text = sysroot.readTrimmed(file);
        String[] fields = text.map(t -> t.split("\\s+")).orElse(new String[0]);
        if (fields.length != 2 || !fields[0].equals("default") || !isCount(fields[1]) || Long.parseLong(fields[1]) <= target) {
            return Optional.empty();
        }
        return Optional.of(new Change(TUNABLE, file, ValueFormat.PLAIN, text.get(), "default " + target, why));
    }

    private static OptionalLong number(Sysroot sysroot, String file, java.util.function.ToLongFunction<ByteText> parser) {
        Optional<String> text = sysroot.read(file);
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(parser.applyAsLong(ByteText.of(text.get())));
        } catch (ParseException e) {
            sysroot.diagnostics().warn(file, e.getMessage());
            return OptionalLong.empty();
        }
    }

    private static long quota(String cpuMaxLine) {
        return Long.parseLong(cpuMaxLine.substring(0, cpuMaxLine.indexOf(' ')));
    }

    private static boolean isCount(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
